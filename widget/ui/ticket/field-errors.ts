/** Turns validation codes into the sentence shown next to a field and in the error summary. */
import type { Translate } from '../../core/ticket/format.ts';
import type { FieldError } from '../../core/ticket/validate.ts';

/** The DOM id of a form field (ids are scoped to the widget's shadow root). */
export function fieldId(field: string): string {
  return `t0-tk-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The message for one error: a field-specific sentence when there is one, else a generic one. */
export function errorText(error: FieldError, label: string, strings: Record<string, string>, t: Translate): string {
  const specific = `ticket.error.${error.field}.${error.code}`;
  if (strings[specific]) return t(specific);
  return t(`ticket.error.${error.code}`, { label, max: error.max ?? '' });
}

/** Human-readable size, in the user's locale ("5 MB"). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  try {
    return new Intl.NumberFormat(undefined, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${Math.round(value * 10) / 10} ${['B', 'KB', 'MB', 'GB'][unit]}`;
  }
}
