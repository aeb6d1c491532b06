import { describe, expect, test } from 'vitest';
import { format, launcherText, localeDir, mergeStrings, resolveLocale, resolveStrings } from '../../../widget/core/i18n/strings.ts';
import { loadTicketStrings, resolveTicketStrings } from '../../../widget/core/i18n/ticket-strings-load.ts';
import { enStrings, loadUiStrings, LOCALES } from '../../../widget/core/i18n/ui-strings.ts';

describe('resolveLocale', () => {
  test('prefers the option, then the page lang, then the browser', () => {
    expect(resolveLocale('fr', 'de', 'es')).toBe('fr');
    expect(resolveLocale(undefined, 'de-CH', 'es')).toBe('de');
    expect(resolveLocale('', null, 'es-MX')).toBe('es');
  });
  test('unknown locales fall back to English', () => {
    expect(resolveLocale('xx', 'pt-BR', 'zh')).toBe('en');
  });
  test('Arabic is right-to-left', () => {
    expect(localeDir('ar')).toBe('rtl');
    expect(localeDir('fr')).toBe('ltr');
  });
});

describe('strings tables', () => {
  test('every locale translates every key, with the same placeholders', async () => {
    for (const locale of LOCALES) {
      const table = await loadUiStrings(locale);
      for (const [key, en] of Object.entries(enStrings)) {
        const value = table[key as keyof typeof table];
        expect(value, `${locale}.${key}`).toBeTruthy();
        expect(value.match(/\{\w+\}/g) ?? [], `${locale}.${key} placeholders`).toEqual(en.match(/\{\w+\}/g) ?? []);
        // A copy of the English text is a missed translation, except true cognates.
        const cognates = ['no', 'title', 'assistant', 'launcher'];
        if (locale !== 'en' && !cognates.includes(key)) expect(value, `${locale}.${key} is untranslated`).not.toBe(en);
      }
    }
  });

  test('the loader’s own texts come per locale, and site-owner overrides win', () => {
    expect(launcherText('de', {})).toBe('Hilfe');
    expect(launcherText('ar', {}, 'launcherFailed')).toMatch(/^تعذّر/);
    expect(launcherText('en', { launcherFailed: 'The help desk is at extension 4000.' }, 'launcherFailed')).toBe('The help desk is at extension 4000.');
  });

  test('site-owner overrides win over built-in text', async () => {
    const s = await resolveStrings('fr', { greeting: 'Salut !' });
    expect(s.greeting).toBe('Salut !');
    expect(s.send).toBe('Envoyer');
  });

  test('extra tables (ticket strings) merge per locale with English filling gaps', () => {
    const s = mergeStrings('de', enStrings, {}, [{ en: { 'ticket.title': 'Contact support', 'ticket.only': 'EN only' }, de: { 'ticket.title': 'Support kontaktieren' } }]);
    expect(s['ticket.title']).toBe('Support kontaktieren');
    expect(s['ticket.only']).toBe('EN only');
  });
});

test('the ticket form gets the hand-off strings merged with the UI strings and overrides', async () => {
  const s = await resolveTicketStrings('fr', { retry: 'Encore' });
  expect(s['ticket.title']).toBeTruthy();
  expect(s['ticket.title']).not.toBe((await resolveTicketStrings('en'))['ticket.title']);
  expect(s.send).toBe('Envoyer');
  expect(s.retry).toBe('Encore');
});

test('the ticket form loads English and the user’s locale only, not every language', async () => {
  expect(Object.keys(await loadTicketStrings('ar')).sort()).toEqual(['ar', 'en']);
  expect(Object.keys(await loadTicketStrings('en'))).toEqual(['en']);
  const de = await resolveTicketStrings('de', { 'ticket.title': 'IT-Hilfe' });
  expect(de['ticket.title']).toBe('IT-Hilfe');
  expect(de['ticket.submit']).not.toBe((await resolveTicketStrings('en'))['ticket.submit']);
});

test('format fills placeholders and leaves unknown ones', () => {
  expect(format('{count} of {total} {x}', { count: 2, total: 5 })).toBe('2 of 5 {x}');
});
