#!/usr/bin/env node
"use strict";
// Starts the bundled CLI (dist/zkcfg.cjs). The build leaves V8's code cache for the bundle beside
// it: with it a run skips compiling half a megabyte of JavaScript, which is most of what a
// pre-commit hook would wait for. A cache V8 refuses (another Node version) only costs that time.
// Built into a single executable (build-binary.mjs), this script is its main script, and the bundle
// and its code cache are assets of the binary.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");
const { Script } = require("node:vm");
const sea = require("node:sea");

const DIST = join(__dirname, "..", "dist");
const BUNDLE = join(DIST, "zkcfg.cjs");
const CACHE = join(DIST, "zkcfg.cache");

/** Compiles and runs the bundle; returns its exports and the script (the build caches its code). */
function load(cachedData) {
  // The build makes the bundle ASCII only, and latin1 reads it without decoding UTF-8.
  const source = sea.isSea() ? sea.getAsset("zkcfg.cjs", "latin1") : readFileSync(BUNDLE, "latin1");
  const script = new Script(`(function (exports, require, module, __zkcfgUrl, __zkcfgImport) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  // The bundle imports settings files written as JavaScript through this module's import().
  const importModule = (url) => import(url);
  script.runInThisContext()(module.exports, require, module, pathToFileURL(BUNDLE).href, importModule);
  return { exports: module.exports, script };
}

function readCache() {
  try {
    if (sea.isSea()) return Buffer.from(sea.getRawAsset("zkcfg.cache"));
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

if (require.main === module) load(readCache()).exports.run();
else module.exports = { load, CACHE };
