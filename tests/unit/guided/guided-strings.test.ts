import { expect, test } from 'vitest';
import { guidedStrings } from '../../../widget/core/i18n/guided-strings.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every locale has every English key, non-empty, with the same placeholders', () => {
  const en = guidedStrings.en;
  for (const [locale, table] of Object.entries(guidedStrings)) {
    expect(Object.keys(table).sort(), locale).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(table)) {
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  }
});

test('every diagnostic finding code has a text', () => {
  const codes = ['online', 'offline', 'unreachable', 'timeout', 'captivePortal', 'clockOk', 'clockAhead', 'clockBehind',
    'clockUnknown', 'storageOk', 'cookiesDisabled', 'storageBlocked', 'browserOk', 'browserOutdated', 'browserUnknown',
    'popupsOk', 'popupsBlocked', 'popupsUnknown'];
  for (const code of codes) expect(guidedStrings.en, code).toHaveProperty(`guided.diag.${code}`);
});
