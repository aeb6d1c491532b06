import { describe, expect, test } from 'vitest';
import { buildSearchIndex, withMonthName } from '../../../widget/core/search/build-index.ts';
import { SEARCH_SCHEMA_VERSION } from '../../../widget/core/search/index-format.ts';
import { BODY_PRUNING, SEARCH_CONFIG, type BodyPruning } from '../../../widget/core/search/search-config.ts';
import { withBuiltinSynonyms } from '../../../widget/core/search/builtin-synonyms.ts';
import { createSearchEngine, loadSearchEngine } from '../../../widget/core/search/engine.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import { FILLER, makeArticle, makeEngine, makeHelpDesk, makeIndex } from './search-fixtures.ts';

/** Distinct words, twice as many as the body terms an article keeps. */
const twiceTheKeptBodyTerms = (): string[] =>
  Array.from({ length: BODY_PRUNING.maxBodyTerms * 2 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x`);

describe('search index builder', () => {
  test('a title that is a date gains its month name, so "august 2025" finds the 2025/08/26 update', () => {
    expect(withMonthName('2025/08/26')).toBe('2025/08/26 august');
    expect(withMonthName('Storage update 2025-07-17')).toBe('Storage update 2025-07-17 july');
    // Not a date: a version, mixed separators, a month 13.
    expect(withMonthName('Release notes v2.13.0')).toBe('Release notes v2.13.0');
    expect(withMonthName('2025/08-26')).toBe('2025/08-26');
    expect(withMonthName('2025/13/01')).toBe('2025/13/01');
    const articles = ['2025/06/23', '2025/07/17', '2025/08/26', '2025/09/22'].map((date) =>
      makeArticle({ id: `freezer/${date.replaceAll('/', '-')}`, title: date, body: `Freezer update. ${FILLER}` }),
    );
    const hits = makeEngine(articles).search('freezer update august 2025', { limit: 3 }).hits;
    expect(hits[0]?.id).toBe('freezer/2025-08-26');
  });

  test('billing words meet the words price lists and billing pages use: cost finds pricing, money back finds refunds', () => {
    const articles = [
      makeArticle({ id: 'billing/pricing', title: 'Pricing', body: `Core hours are 0.08 per CPU core hour. ${FILLER}` }),
      makeArticle({ id: 'billing/refunds', title: 'Refund policy', body: `Refunds are made within 30 days. ${FILLER}` }),
      makeArticle({ id: 'billing/invoices', title: 'Download invoices', body: `Invoices list every payment. ${FILLER}` }),
      makeArticle({ id: 'jobs/limits', title: 'Job limits', body: `A job may use 128 CPU cores for 7 days. ${FILLER}` }),
    ];
    const engine = makeEngine(articles);
    expect(engine.search('how much does it cost', { limit: 1 }).hits.map((hit) => hit.id)).toEqual(['billing/pricing']);
    expect(engine.search('can i get my money back', { limit: 1 }).hits.map((hit) => hit.id)).toEqual(['billing/refunds']);
    expect(engine.search('where is my bill', { limit: 1 }).hits.map((hit) => hit.id)).toEqual(['billing/invoices']);
  });

  test('comparatives the stemmer keeps apart meet their word: "slower" finds the article about a slow VPN', () => {
    const engine = makeEngine([
      makeArticle({ id: 'vpn/slow', title: 'My VPN is slow', body: `Try another server close to you. ${FILLER}` }),
      makeArticle({ id: 'vpn/download', title: 'Download the VPN app', body: `Get the app for your laptop. ${FILLER}` }),
    ]);
    expect(engine.search('vpn gets slower and slower on my laptop', { limit: 1 }).hits.map((hit) => hit.id)).toEqual(['vpn/slow']);
  });

  test('word forms the stemmer keeps apart and everyday names meet the article\'s: AUTH_FAILED, a fixed IP, amex', () => {
    const engine = makeEngine([
      makeArticle({ id: 'vpn/auth', title: 'I receive an authentication failure message', body: `Check your account ID. ${FILLER}` }),
      makeArticle({ id: 'vpn/static', title: 'Do you offer dedicated or static IP addresses?', body: `No, addresses are shared. ${FILLER}` }),
      makeArticle({ id: 'billing/methods', title: 'What payment methods do you accept?', body: `Cards and cash. ${FILLER}` }),
      makeArticle({ id: 'vpn/connect', title: 'I cannot connect', body: `Try another server address. ${FILLER}` }),
    ]);
    const top = (query: string) => engine.search(query, { limit: 1 }).hits.map((hit) => hit.id);
    expect(top('AUTH_FAILED when i connect')).toEqual(['vpn/auth']);
    expect(top('can I get a fixed ip address')).toEqual(['vpn/static']);
    expect(top('can i pay with amex')).toEqual(['billing/methods']);
  });

  test('"turn off" meets disable (and "turn on" enable), beside shutting a device down', () => {
    const engine = makeEngine([
      makeArticle({ id: 'account/passkeys-off', title: 'Disable passkeys', body: `Open the security settings of your account. ${FILLER}` }),
      makeArticle({ id: 'account/passkeys', title: 'Passkeys FAQ', body: `Passkeys replace your password. Each passkey lives on one device. ${FILLER}` }),
      makeArticle({ id: 'devices/shutdown', title: 'Shut down your laptop', body: `Save your work first. ${FILLER}` }),
    ]);
    const top = (query: string) => engine.search(query, { limit: 1 }).hits.map((hit) => hit.id);
    expect(top('how do i turn off passkeys')).toEqual(['account/passkeys-off']);
    expect(top('turn off my laptop')).toEqual(['devices/shutdown']);
  });

  test('produces plain JSON carrying the search schema version', () => {
    const index = buildSearchIndex(makeHelpDesk(), { synonyms: [] }) as { searchSchema: number };
    expect(index.searchSchema).toBe(SEARCH_SCHEMA_VERSION);
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });

  test('stores the built-in synonym groups followed by the author groups, folded', () => {
    const index = buildSearchIndex(makeHelpDesk(), { synonyms: [['Kiosk', 'Self-Service Portal']] }) as { synonyms: string[][] };
    expect(index.synonyms.slice(0, -1)).toEqual(withBuiltinSynonyms([]));
    expect(index.synonyms.at(-1)).toEqual(['kiosk', 'selfservice portal', 'self service portal']);
  });

  test('stores the stop words and weak words it was built with, and the engine uses those, not lists of its own', () => {
    const index = makeIndex([makeArticle({ id: 'a/vpn', title: 'VPN drops at the hotel', body: FILLER }), makeArticle({ id: 'a/away', title: 'Set an away status', body: FILLER })]);
    const search = index.search as { stopWords: string; weakWords: string };
    expect(search.stopWords.split(' ')).toEqual(expect.arrayContaining(['the', 'how', 'dont']));
    expect(search.weakWords.split(' ')).toContain('away');
    expect((index.search as { whyWords: string }).whyWords.split(' ')).toEqual(expect.arrayContaining(['why', 'cause', 'reason']));
    expect(loadSearchEngine(index, findCorrections).search('hotel ').hits.map((hit) => hit.id)).toEqual(['a/vpn']);
    // "away" is weak: it never carries a hit alone while another word of the query tells.
    expect(loadSearchEngine(index, findCorrections).search('hotel away ').hits.map((hit) => hit.id)).toEqual(['a/vpn']);
    // The same index with other lists: "hotel" is now dropped from queries, "away" carries hits.
    const relisted = { ...index, search: { ...search, stopWords: `${search.stopWords} hotel`, weakWords: '' } };
    expect(loadSearchEngine(relisted, findCorrections).search('hotel ').hits).toEqual([]);
    expect(loadSearchEngine(relisted, findCorrections).search('hotel away ').hits.map((hit) => hit.id)).toEqual(['a/away']);
  });

  test('the engine expands queries with the groups stored in its index, not with a table of its own', () => {
    const articles = [makeArticle({ id: 'a/kiosk', title: 'Use the kiosk', body: FILLER }), makeArticle({ id: 'a/other', title: 'Printer setup', body: FILLER })];
    const index = makeIndex(articles, [['kiosk', 'booth']]);
    expect(loadSearchEngine(index, findCorrections).search('booth ').hits.map((hit) => hit.id)).toEqual(['a/kiosk']);
    // The same index with its groups removed: no table elsewhere brings "booth" back.
    const stripped = { ...index, search: { ...(index.search as object), synonyms: [] } };
    expect(loadSearchEngine(stripped, findCorrections).search('booth ').hits).toEqual([]);
  });

  test('keeps the body terms that set an article apart and drops the rest', () => {
    // Every article shares the filler words; only one has "zeroconf", named once among many words.
    const words = twiceTheKeptBodyTerms();
    const articles = Array.from({ length: 30 }, (_, i) =>
      makeArticle({ id: `a/${i}`, title: `Article ${i}`, body: `${FILLER} ${i === 0 ? 'zeroconf' : ''} ${words.join(' ')} ${FILLER}` }),
    );
    const engine = makeEngine(articles);
    expect(engine.search('zeroconf ').hits.map((hit) => hit.id)).toEqual(['a/0']);
    expect(engine.search('settings window ').hits).toEqual([]);
  });

  test('keeps a word only this article uses even where its repeated words fill the body terms', () => {
    // Two articles repeat twice as many shared words as are kept; the first also names "kvmswitch" once.
    const words = twiceTheKeptBodyTerms();
    const repeated = words.map((word) => `${word} ${word} ${word}`).join(' ');
    const articles = [
      makeArticle({ id: 'a/desk', title: 'Desk equipment', body: `${repeated} kvmswitch` }),
      makeArticle({ id: 'a/other', title: 'Other equipment', body: repeated }),
      ...Array.from({ length: 20 }, (_, i) => makeArticle({ id: `a/${i}`, title: `Article ${i}`, body: FILLER })),
    ];
    const search = (pruning: BodyPruning) =>
      createSearchEngine({ ...makeIndex(articles), search: JSON.parse(JSON.stringify(buildSearchIndex(articles, { synonyms: [] }, SEARCH_CONFIG, pruning))) }, SEARCH_CONFIG, findCorrections)
        .search('kvmswitch ')
        .hits.map((hit) => hit.id);
    expect(search(BODY_PRUNING)).toEqual(['a/desk']);
    expect(search({ ...BODY_PRUNING, maxUniqueBodyTerms: 0 })).toEqual([]);
  });

  test('keeps the first of two articles with the same id', () => {
    const engine = makeEngine([makeArticle({ id: 'a/x', title: 'First' }), makeArticle({ id: 'a/x', title: 'Second' })]);
    expect(engine.search('first ').hits.map((hit) => hit.id)).toEqual(['a/x']);
    expect(engine.search('second ').hits).toEqual([]);
  });
});
