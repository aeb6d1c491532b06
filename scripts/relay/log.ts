/**
 * Structured logs: one JSON object a line, `{ time, level, event, … }`. Callers pass ids,
 * counts, statuses and durations only: never a requester, a subject, a description or a client
 * address. As a second guard, any e-mail address inside a logged string (a help desk's error
 * message may quote one) is replaced before the line is written.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Log = (level: LogLevel, event: string, fields?: LogFields) => void;

const EMAIL = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[A-Za-z]{2,}/g;

/** The text with e-mail addresses replaced by `<e-mail>`. */
export function scrub(text: string): string {
  return text.replace(EMAIL, '<e-mail>');
}

/** A logger writing JSON lines through `write` (default: standard output). */
export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  return (level, event, fields = {}) => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, event };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) entry[key] = typeof value === 'string' ? scrub(value) : value;
    }
    write(`${JSON.stringify(entry)}\n`);
  };
}
