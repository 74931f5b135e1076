/**
 * Compose's variable substitution: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+other}`, `${VAR+other}` and `$$` for a dollar sign.
 * Values come only from the project's `.env`, never from zkcfg's own environment, so the findings
 * are the same on every machine; a variable that is needed and not there is reported, not guessed.
 */
export type Interpolated = { value: string } | { missing: string };

const PATTERN = /\$(?:\$|([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\})/g;

export function interpolate(text: string, vars: ReadonlyMap<string, string>): Interpolated {
  let missing: string | undefined;
  const value = text.replace(PATTERN, (whole, bare: string | undefined, name: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (whole === "$$") return "$";
    const key = (bare ?? name) as string;
    const set = vars.get(key);
    // ":" makes an empty value count as unset.
    const present = op?.startsWith(":") ? set !== undefined && set !== "" : set !== undefined;
    const nested = (t: string): string => {
      const inner = interpolate(t, vars);
      if ("missing" in inner) missing ??= inner.missing;
      return "value" in inner ? inner.value : "";
    };
    switch (op?.replace(":", "")) {
      case "-":
        return present ? (set as string) : nested(arg ?? "");
      case "+":
        return present ? nested(arg ?? "") : "";
      default:
        if (!present) missing ??= key;
        return present ? (set as string) : "";
    }
  });
  return missing === undefined ? { value } : { missing };
}

/** A `.env` or `env_file:` file: `KEY=value` lines, `#` comments, an optional `export `, quotes removed. */
export function parseEnvFile(text: string): { name: string; value: string; line: number }[] {
  const out: { name: string; value: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) return;
    let value = m[2] as string;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] as string;
    else value = value.replace(/\s+#.*$/, "");
    out.push({ name: m[1] as string, value, line: i + 1 });
  });
  return out;
}
