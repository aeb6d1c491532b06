/** Fills `{name}` placeholders in a UI string; unknown placeholders are left as written. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

/** Looks up a UI string and fills its placeholders. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A Translate over one strings table; a missing key shows the key, so gaps are visible in review. */
export function makeTranslate(strings: Record<string, string>): Translate {
  return (key, vars) => format(strings[key] ?? key, vars);
}
