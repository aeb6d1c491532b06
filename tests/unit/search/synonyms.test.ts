import { describe, expect, test } from 'vitest';
import { FILLER, makeArticle, makeEngine, makeHelpDesk } from './search-fixtures.ts';

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('synonyms', () => {
  test('knows IT abbreviations: "forgot pw" finds the password article', () => {
    expect(ids(makeEngine(makeHelpDesk()).search('forgot pw').hits)[0]).toBe('accounts/reset-password');
  });

  test('knows 2fa, mfa and two-factor are one thing', () => {
    const engine = makeEngine([
      makeArticle({ id: 'accounts/mfa', title: 'Set up MFA', body: FILLER }),
      makeArticle({ id: 'accounts/other', title: 'Change your username', body: FILLER }),
    ]);
    expect(ids(engine.search('2fa ').hits)).toEqual(['accounts/mfa']);
    expect(ids(engine.search('two-factor setup').hits)[0]).toBe('accounts/mfa');
  });

  test('matches wifi, wi-fi and wireless alike', () => {
    const engine = makeEngine(makeHelpDesk());
    for (const query of ['wifi ', 'wi-fi ', 'wireless ']) expect(ids(engine.search(query).hits)[0]).toBe('network/wifi');
  });

  test('matches multi-word synonyms: "log in" finds an article that says "sign in"', () => {
    const engine = makeEngine(makeHelpDesk());
    expect(ids(engine.search('cant log in ').hits)).toContain('network/wifi');
  });

  test('a question in the widget’s other languages finds the English article', () => {
    const engine = makeEngine(makeHelpDesk());
    for (const query of ['mot de passe oublié', 'olvidé mi contraseña', 'passwort vergessen', 'نسيت كلمة المرور']) {
      expect(ids(engine.search(query).hits)[0], query).toBe('accounts/reset-password');
    }
  });

  test('uses the author groups from synonyms.yml', () => {
    const articles = makeHelpDesk();
    expect(ids(makeEngine(articles).search('kiosk ').hits)).toEqual([]);
    expect(ids(makeEngine(articles, [['kiosk', 'self-service portal']]).search('kiosk ').hits)).toEqual(['accounts/reset-password']);
  });

  test('ranks the word typed above its synonyms', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/passcode', title: 'Change the passcode', body: FILLER }),
      makeArticle({ id: 'a/password', title: 'Change the password', body: FILLER }),
    ]);
    expect(ids(engine.search('password ').hits)).toEqual(['a/password', 'a/passcode']);
  });

  test('matches symptom phrases built on stop words: "doesnt function", "cant see", "dont open"', () => {
    const engine = makeEngine([
      makeArticle({ id: 'mail/ooo-broken', title: 'Automatic replies not working', body: FILLER }),
      makeArticle({ id: 'mail/ooo', title: 'Automatic replies', body: FILLER }),
      makeArticle({ id: 'files/missing', title: 'Shared folder is missing', body: FILLER }),
      makeArticle({ id: 'files/folder', title: 'Shared folder', body: FILLER }),
      makeArticle({ id: 'mail/links', title: 'Hyperlinks fail to open', body: FILLER }),
      makeArticle({ id: 'mail/hyperlinks', title: 'Hyperlinks', body: FILLER }),
    ]);
    expect(ids(engine.search('automatic replies doesnt function').hits)[0]).toBe('mail/ooo-broken');
    expect(ids(engine.search('cant see shared folder').hits)[0]).toBe('files/missing');
    expect(ids(engine.search('hyperlinks dont open').hits)[0]).toBe('mail/links');
  });

  test('knows ie is Internet Explorer, a website a web page, and "new to" getting started', () => {
    const engine = makeEngine([
      makeArticle({ id: 'browsers/ie-passwords', title: 'Disable Internet Explorer password caching', body: FILLER }),
      makeArticle({ id: 'web/publish', title: 'Publish a web page', body: FILLER }),
      makeArticle({ id: 'chat/start', title: 'Getting started with chat', body: FILLER }),
      makeArticle({ id: 'chat/rules', title: 'Chat', body: FILLER }),
    ]);
    expect(ids(engine.search('ie passwords').hits)).toEqual(['browsers/ie-passwords']);
    expect(ids(engine.search('website').hits)).toEqual(['web/publish']);
    expect(ids(engine.search('new to chat').hits)[0]).toBe('chat/start');
  });
});
