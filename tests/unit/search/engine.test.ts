import { describe, expect, test } from 'vitest';
import { createSearchEngine, loadSearchEngine } from '../../../widget/core/search/engine.ts';
import { SEARCH_CONFIG } from '../../../widget/core/search/search-config.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import { SEARCH_SCHEMA_VERSION } from '../../../widget/core/search/index-format.ts';
import { FILLER, makeArticle, makeEngine, makeHelpDesk, makeIndex } from './search-fixtures.ts';

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);
const helpDesk = makeEngine(makeHelpDesk());

describe('prefix matching of the word being typed', () => {
  test('completes the last word while it is being typed', () => {
    expect(ids(helpDesk.search('passw').hits)).toEqual(['accounts/reset-password']);
    expect(ids(helpDesk.search('printer offl').hits)[0]).toBe('printing/printer-offline');
  });

  test('matches completions in titles and descriptions, not bodies, and a two-letter prefix only in titles, aliases and tags', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/title', title: 'Scanner settings', body: FILLER }),
      makeArticle({ id: 'a/description', title: 'Paper', description: 'Scanner jams.', body: FILLER }),
      makeArticle({ id: 'a/body', title: 'Toner', body: `The scanner needs toner. ${FILLER}` }),
    ]);
    expect(ids(engine.search('sc').hits)).toEqual(['a/title']);
    expect(ids(engine.search('scan').hits).sort()).toEqual(['a/description', 'a/title']);
    expect(ids(engine.search('scanner').hits).sort()).toEqual(['a/body', 'a/description', 'a/title']);
  });

  test('does not complete a word followed by a space', () => {
    expect(helpDesk.search('passw ').hits).toEqual([]);
  });

  test('does not complete words before the last one', () => {
    const [first] = helpDesk.search('passw printer').hits;
    expect(first?.id).toBe('printing/printer-offline');
    expect(ids(helpDesk.search('passw printer').hits)).not.toContain('accounts/reset-password');
  });
});

describe('typo tolerance by word length', () => {
  test('tolerates no typo in words of three letters or fewer', () => {
    expect(helpDesk.search('vpm ').hits).toEqual([]);
    expect(ids(helpDesk.search('vpn ').hits)).toEqual(['network/vpn']);
  });

  test('tolerates one typo in words of four to seven letters, not two', () => {
    expect(ids(helpDesk.search('offlne ').hits)).toEqual(['printing/printer-offline']);
    expect(helpDesk.search('oflne ').hits).toEqual([]);
  });

  test('tolerates two typos in words of eight letters or more', () => {
    expect(ids(helpDesk.search('confgurtion ').hits)).toEqual(['security/configuration']);
    expect(helpDesk.search('cnfgurtin ').hits).toEqual([]);
  });

  test('corrects a misspelt word while it is still being typed', () => {
    expect(ids(helpDesk.search('microphne').hits)).toEqual(['meetings/microphone']);
  });
});

describe('ranking', () => {
  test('ranks articles matching every query word above partial matches of similar strength', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/driver', title: 'Printer driver', body: `printer ${FILLER}` }),
      makeArticle({ id: 'a/jam', title: 'Paper problems', body: `A printer with a paper jam stops. ${FILLER}` }),
    ]);
    const hits = engine.search('printer jam ').hits;
    expect(ids(hits)).toEqual(['a/jam', 'a/driver']);
    expect(hits.map((hit) => hit.matchedAll)).toEqual([true, false]);
  });

  test('lets a strong match of most query words outrank a weak match of every word', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/strong', title: 'Scanner calibration', aliases: ['scanner calibration'], tags: ['scanner'], body: `Calibrate the scanner. ${FILLER}` }),
      makeArticle({ id: 'a/weak', title: 'Office moves', body: `${FILLER} A scanner may need calibration when pages look blurry. ${FILLER} ${FILLER}` }),
    ]);
    const hits = engine.search('scanner calibration blurry ').hits;
    expect(ids(hits)).toEqual(['a/strong', 'a/weak']);
    expect(hits.map((hit) => hit.matchedAll)).toEqual([false, true]);
  });

  test('ranks a title match above the same word in the body', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/body', title: 'Desk setup', body: `Plug the laptop into the docking station. ${FILLER}` }),
      makeArticle({ id: 'a/title', title: 'Docking station', body: FILLER }),
    ]);
    expect(ids(engine.search('docking ').hits)).toEqual(['a/title', 'a/body']);
  });

  test('a body that holds more of a long question outranks a title that holds fewer of its words', () => {
    // "countries" and "servers" are in the first title; "route", "traffic" and "servers" in the second body.
    const engine = makeEngine([
      makeArticle({ id: 'vpn/locations', title: 'In which countries do you have servers?', body: `See the list of locations on our status page. ${FILLER}` }),
      makeArticle({ id: 'vpn/multihop', title: 'What is a Multi-hop VPN service?', body: `Instead of one server, your traffic is routed through two VPN servers instead of one. ${FILLER}` }),
      makeArticle({ id: 'vpn/slow', title: 'My VPN is slow', body: `Pick a server close to you. ${FILLER}` }),
    ]);
    expect(ids(engine.search('route my traffic through two servers in different countries for extra anonymity').hits).slice(0, 2)).toEqual(['vpn/multihop', 'vpn/locations']);
  });

  test('a pasted identifier that few articles hold outranks common words in other titles', () => {
    const keys = (name: string) => makeArticle({ id: `k/${name}`, title: `${name} registry key settings`, body: `Change the ${name} registry key. ${FILLER}` });
    const articles = [
      ...['Word', 'Excel', 'Outlook', 'Teams'].map(keys),
      makeArticle({ id: 'x/ssl', title: 'Add-in icons are blank', body: `Set DWORD DisableCachingOfSSLPages to 0. ${FILLER}` }),
      makeArticle({ id: 'x/error', title: 'Sync fails', body: `The client shows 0x8004DEEF. ${FILLER}` }),
      makeArticle({ id: 'x/word', title: 'Printing', body: `Check the spooler. Word ${FILLER}` }),
    ];
    const engine = makeEngine(articles);
    expect(ids(engine.search('which registry key sets DisableCachingOfSSLPages').hits)[0]).toBe('x/ssl');
    expect(ids(engine.search('registry key for 0x8004deef').hits)[0]).toBe('x/error');
    // A plain rare word is no identifier: the titles that match the question's words stay first.
    expect(ids(engine.search('word registry key spooler').hits)[0]).toBe('k/Word');
    // Without the boost, the identifier's article is not first: the boost decides.
    const plain = createSearchEngine(makeIndex(articles), { ...SEARCH_CONFIG, decisiveBoost: 1 }, findCorrections);
    expect(ids(plain.search('which registry key sets DisableCachingOfSSLPages').hits)[0]).not.toBe('x/ssl');
  });

  test('does not require words that most articles contain', () => {
    const broken = (name: string) => makeArticle({ id: `a/${name}`, title: name, body: `The ${name} stopped working. ${FILLER}` });
    const engine = makeEngine([
      makeArticle({ id: 'a/search', title: 'Search finds nothing', body: FILLER }),
      makeArticle({ id: 'a/sound', title: 'Sound and search', body: `Sound stopped working. ${FILLER}` }),
      ...['camera', 'mouse', 'vpn', 'keyboard', 'dock', 'scanner', 'badge'].map(broken),
      ...['printer', 'monitor', 'phone'].map((name) => makeArticle({ id: `b/${name}`, title: name, body: FILLER })),
    ]);
    const hits = engine.search('search not working').hits;
    expect(hits.slice(0, 2)).toMatchObject([
      { id: 'a/sound', matchedAll: true },
      { id: 'a/search', matchedAll: true },
    ]);
    expect(hits.slice(2).every((hit) => !hit.matchedAll)).toBe(true);
  });

  test('lifts boosted articles when they match, and only then', () => {
    const plain = ids(helpDesk.search('connect ').hits);
    expect(plain.length).toBeGreaterThan(1);
    const last = plain[plain.length - 1] as string;
    expect(ids(helpDesk.search('connect ', { boost: [last, 'printing/printer-offline'] }).hits)).toEqual([last, ...plain.slice(0, -1)]);
  });

  test('returns at most `limit` hits', () => {
    expect(helpDesk.search('the settings window', { limit: 2 }).hits).toHaveLength(2);
  });
});

describe('snippets', () => {
  test('mark the matched words of the best text, as plain text pieces', () => {
    const [hit] = helpDesk.search('printer offline ').hits;
    const text = hit!.snippet.map((part) => part.text).join('');
    expect(text).toBe('Get a printer that Windows reports as offline printing again.');
    expect(hit!.snippet.filter((part) => part.mark).map((part) => part.text)).toEqual(['printer', 'offline printing']);
  });

  test('fall back to the best heading when description and summary match nothing', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/x', title: 'Scanner', description: 'Scan paper.', summary: 'Scan paper to a folder.', headings: ['Before you start', 'Fix a paper jam'], body: `jam ${FILLER}` }),
    ]);
    const [hit] = engine.search('jam ').hits;
    expect(hit!.snippet).toEqual([
      { text: 'Fix a paper ', mark: false },
      { text: 'jam', mark: true },
    ]);
  });

  test('mark synonyms of the query words too', () => {
    const [hit] = helpDesk.search('forgot pw').hits;
    expect(hit!.snippet.filter((part) => part.mark).map((part) => part.text)).toContain('password');
  });
});

describe('did you mean', () => {
  test('offers the corrected query for a misspelt word', () => {
    expect(helpDesk.search('wirless netwrk ').suggestion).toBe('wireless network');
    expect(helpDesk.search('Pasword').suggestion).toBe('password');
  });

  test('of equally close corrections, offers the one that fits the rest of the query', () => {
    const engine = makeEngine([
      makeArticle({ id: 'a/printer', title: 'Printer offline', body: FILLER }),
      ...[1, 2, 3].map((n) => makeArticle({ id: `a/online-${n}`, title: `Online form ${n}`, body: FILLER })),
    ]);
    const response = engine.search('prnter ofline ');
    expect(response.suggestion).toBe('printer offline');
    expect(response.hits[0]?.id).toBe('a/printer');
    // "bost" is one letter from both "boat" (in more articles) and "boot", at the same position.
    const boats = makeEngine([
      makeArticle({ id: 'a/laptop', title: 'Laptop will not boot', body: FILLER }),
      ...[1, 2, 3].map((n) => makeArticle({ id: `a/boat-${n}`, title: `Company boat ${n}`, body: FILLER })),
    ]);
    expect(boats.search('laptop bost ').suggestion).toBe('laptop boot');
  });

  test('a typo that breaks a phrase is searched as the corrected phrase', () => {
    const engine = makeEngine(
      [
        makeArticle({ id: 'a/rdp', title: 'RDP connection fails', body: FILLER }),
        makeArticle({ id: 'a/remote-work', title: 'Remote work policy', body: FILLER }),
        makeArticle({ id: 'a/desk', title: 'Desktop wallpaper', body: FILLER }),
      ],
      [['remote desktop', 'rdp']],
    );
    const response = engine.search('remote desktp ');
    expect(response.suggestion).toBe('remote desktop');
    expect(response.hits[0]?.id).toBe('a/rdp');
  });

  test('offers nothing for a correct query, or when nothing is close', () => {
    expect(helpDesk.search('wireless network').suggestion).toBeUndefined();
    expect(helpDesk.search('xyzzy')).toEqual({ query: 'xyzzy', hits: [] });
  });

  test('treats a rare word one typo away from a common one as that typo', () => {
    const articles = [
      makeArticle({ id: 'a/setup', title: 'Set up Outlook', aliases: ['outlok'], body: FILLER }),
      ...[1, 2, 3, 4, 5].map((n) => makeArticle({ id: `a/outlook-${n}`, title: `Outlook problem ${n}`, body: FILLER })),
    ];
    const response = makeEngine(articles).search('outlok ');
    expect(response.suggestion).toBe('outlook');
    expect(response.hits[0]?.id).toBe('a/setup');
    expect(response.hits.length).toBe(6);
  });
});

describe('loading and edge cases', () => {
  test('answers empty and blank queries with no hits', () => {
    for (const query of ['', '   ', 'the and of ']) expect(helpDesk.search(query)).toEqual({ query, hits: [] });
  });

  test('copes with a pasted error log as the query', () => {
    const log = Array.from({ length: 200 }, (_, i) => `printer-offline${i} 0x8007${i} wi-fi-${i}-x`).join(' ');
    expect(() => helpDesk.search(log)).not.toThrow();
    expect(helpDesk.search(`printer offline ${log}`).hits[0]?.id).toBe('printing/printer-offline');
  });

  test('rejects an index of another KB schema with a [tier0] error', () => {
    expect(() => loadSearchEngine({ ...makeIndex(makeHelpDesk()), schema: 999 }, findCorrections)).toThrow(/^\[tier0\] KB index schema 999/);
  });

  test('rejects a search index of another search schema with a [tier0] error', () => {
    const index = makeIndex(makeHelpDesk());
    const search = { ...(index.search as object), searchSchema: SEARCH_SCHEMA_VERSION + 1 };
    expect(() => loadSearchEngine({ ...index, search }, findCorrections)).toThrow(/^\[tier0\] search index schema/);
    expect(() => loadSearchEngine({ ...index, search: null }, findCorrections)).toThrow(/^\[tier0\] /);
    // A search index without its word lists (built by an older tier0) is malformed.
    const { stopWords: _, ...withoutStopWords } = index.search as { stopWords: string };
    expect(() => loadSearchEngine({ ...index, search: withoutStopWords }, findCorrections)).toThrow(/^\[tier0\] the search index is malformed/);
    const { whyWords: __, ...withoutWhyWords } = index.search as { whyWords: string };
    expect(() => loadSearchEngine({ ...index, search: withoutWhyWords }, findCorrections)).toThrow(/^\[tier0\] the search index is malformed/);
    const { negationWords: ___, ...withoutNegationWords } = index.search as { negationWords: string };
    expect(() => loadSearchEngine({ ...index, search: withoutNegationWords }, findCorrections)).toThrow(/^\[tier0\] the search index is malformed/);
  });

  test('looks articles up by id', () => {
    expect(helpDesk.article('network/vpn')?.title).toBe('VPN will not connect');
    expect(helpDesk.article('nope')).toBeUndefined();
    expect(helpDesk.articles).toHaveLength(6);
  });
});

describe('spelling correction loaded lazily (the widget)', () => {
  test('a search needing a correction says so, and finds the word once the correction is handed over', () => {
    const engine = loadSearchEngine(makeIndex(makeHelpDesk()), 'lazy');
    expect(engine.search('wifi ')).not.toHaveProperty('correctionsPending');
    const before = engine.search('offlne ');
    expect(before.correctionsPending).toBe(true);
    expect(before.hits).toEqual([]);
    engine.useCorrections(findCorrections);
    const after = engine.search('offlne ');
    expect(after.correctionsPending).toBeUndefined();
    expect(ids(after.hits)).toEqual(['printing/printer-offline']);
    expect(after.suggestion).toBe('offline');
  });
});
