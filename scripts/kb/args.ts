/** Flag parsing for the content commands: `--name VALUE`, `--name=VALUE` and boolean `--name`. */

export interface FlagSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags that are on or off. */
  switches: readonly string[];
}

export type ParsedFlags =
  | { ok: true; values: Map<string, string>; switches: Set<string> }
  | { ok: false; error: string };

/** Parses `args` against `spec`; unknown flags, missing values and stray words are errors. */
export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) return { ok: false, error: `unexpected argument "${arg}"` };
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (spec.switches.includes(name)) {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value` };
      switches.add(name);
    } else if (spec.values.includes(name)) {
      const value = inline ?? args[index + 1];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        return { ok: false, error: `--${name} needs a value` };
      }
      if (inline === undefined) index += 1;
      values.set(name, value);
    } else return { ok: false, error: `unknown option "${arg}"` };
  }
  return { ok: true, values, switches };
}
