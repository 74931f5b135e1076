import { describe, expect, it } from "vitest";
import { TooLargeError } from "../../src/io/fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { OverlayFileSystem } from "../../src/io/overlay-fs.js";

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

describe("OverlayFileSystem", () => {
  it("reads a written file and the directories it needs as there, and leaves the file system below as it was", () => {
    const below = new MemoryFileSystem({ "/srv/conf/zoo.cfg": "old\n", "/srv/conf/other.cfg": "x\n" });
    const fs = new OverlayFileSystem(below);
    fs.write("/srv/conf/zoo.cfg", Buffer.from("new\n"));
    fs.write("/srv/data/1/myid", Buffer.from("1\n"));
    expect(text(fs.readFile("/srv/conf/zoo.cfg"))).toBe("new\n");
    expect(fs.readHead("/srv/data/1/myid", 1)).toEqual({ bytes: Buffer.from("1"), more: true });
    expect([fs.kind("/srv/data"), fs.kind("/srv/data/1"), fs.kind("/srv/data/1/myid")]).toEqual(["directory", "directory", "file"]);
    expect(fs.list("/srv")).toEqual(["conf", "data"]);
    expect(fs.list("/srv/conf")).toEqual(["other.cfg", "zoo.cfg"]);
    expect(fs.entries("/srv/data")).toEqual([{ name: "1", kind: "directory" }]);
    expect(fs.readlink("/srv/data/1/myid")).toBeUndefined();
    expect(fs.realpath("/srv/data/1/myid")).toBe("/srv/data/1/myid");
    expect(text(below.readFile("/srv/conf/zoo.cfg"))).toBe("old\n");
    expect(below.kind("/srv/data")).toBeUndefined();
  });

  it("keeps the read limit of the file system it stands for", () => {
    const fs = new OverlayFileSystem(new MemoryFileSystem());
    fs.write("/big.cfg", Buffer.alloc(10));
    expect(() => fs.readFile("/big.cfg", 9)).toThrow(TooLargeError);
  });

  it("keeps a link that is written through a link: only the content is new", () => {
    class Linked extends MemoryFileSystem {
      readlink(path: string): string | undefined {
        return path === "/conf/zoo.cfg" ? "zoo_prod.cfg" : undefined;
      }
      realpath(path: string): string {
        return path === "/conf/zoo.cfg" ? "/conf/zoo_prod.cfg" : path;
      }
    }
    const fs = new OverlayFileSystem(new Linked({ "/conf/zoo.cfg": "old\n", "/conf/zoo_prod.cfg": "old\n" }));
    fs.write("/conf/zoo.cfg", Buffer.from("new\n"));
    expect([fs.readlink("/conf/zoo.cfg"), fs.realpath("/conf/zoo.cfg"), text(fs.readFile("/conf/zoo.cfg"))]).toEqual([
      "zoo_prod.cfg",
      "/conf/zoo_prod.cfg",
      "new\n",
    ]);
  });
});
