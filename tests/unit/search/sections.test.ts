import { describe, expect, test } from 'vitest';
import { createSearchEngine } from '../../../widget/core/search/engine.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import { SEARCH_CONFIG } from '../../../widget/core/search/search-config.ts';
import { FILLER, makeArticle, makeEngine, makeHelpDesk, makeIndex } from './search-fixtures.ts';

const section = (heading: string, text: string) => ({ heading, text });

/** A long article whose one section answers "outlook ost file too large", and one that scatters the words. */
function longArticles() {
  return [
    makeArticle({
      id: 'outlook/many-problems',
      title: 'Fix common Outlook problems',
      body: '',
      sections: [
        section('', `Outlook problems and their fixes. ${FILLER}`),
        section('Outlook is slow', `Slow search and long start-up times. ${FILLER}`),
        section('The OST file is too large', `A large OST file makes Outlook slow: compact the OST file or archive mail. ${FILLER}`),
        section('Add-ins crash', `Disable add-ins one at a time. ${FILLER}`),
      ],
    }),
    makeArticle({
      id: 'outlook/overview',
      title: 'Outlook overview',
      body: '',
      sections: [
        section('', `Outlook keeps a local file of your mail. ${FILLER}`),
        section('Storage', `Your mailbox may grow large over the years. ${FILLER}`),
        section('Offline mode', `The OST cache lets you read mail offline. ${FILLER}`),
        section('Sizes', `Attachments that are too big are refused. ${FILLER}`),
      ],
    }),
    ...makeHelpDesk(),
  ];
}

describe('sections', () => {
  test('rank an article whose one section answers the query above one that scatters its words across the page', () => {
    const hits = makeEngine(longArticles()).search('ost file too large').hits;
    expect(hits[0]?.id).toBe('outlook/many-problems');
  });

  test('count only a few sections besides the best: a long guide’s passing mentions do not add up', () => {
    const guide = makeArticle({
      id: 'network/guide',
      title: 'Set up your office network',
      body: '',
      sections: Array.from({ length: 60 }, (_, i) => section(`Part ${i + 1}`, `Choose a password for the browser on device ${i + 1} in its setting page. ${FILLER}`)),
    });
    const answer = makeArticle({
      id: 'browser/password-caching',
      title: 'Disable password caching',
      body: '',
      sections: [section('', `Stop the browser from keeping passwords. ${FILLER}`), section('Turn it off', `Change the registry setting. ${FILLER}`)],
    });
    // A KB of some size, so that the guide's words are not common in it.
    const topics = ['printer', 'monitor', 'keyboard', 'mouse', 'badge', 'laptop', 'dock', 'phone', 'camera', 'headset'];
    const others = Array.from({ length: 300 }, (_, i) =>
      makeArticle({
        id: `other/${i}`,
        title: `${topics[i % 10]} guide ${i}`,
        body: '',
        sections: [section('', `About the ${topics[i % 10]} number ${i}. ${FILLER}`), section('Fix it', `Restart the ${topics[(i + 3) % 10]} and check cable ${i}.`)],
      }),
    );
    const articles = [guide, answer, ...others, ...makeHelpDesk()];
    const query = 'stop browser remembering password setting';
    const rank = (engine: { search(q: string): { hits: { id: string }[] } }) => engine.search(query).hits.map((hit) => hit.id);
    const ranked = rank(makeEngine(articles));
    expect(ranked.indexOf('browser/password-caching')).toBeLessThan(ranked.indexOf('network/guide'));
    // Summing every section, the guide's sixty mentions outrank the answer.
    const everySection = rank(createSearchEngine(makeIndex(articles), { ...SEARCH_CONFIG, otherSectionsCounted: Infinity }, findCorrections));
    expect(everySection.indexOf('network/guide')).toBeLessThan(everySection.indexOf('browser/password-caching'));
  });

  test('give each hit its best-matching section, and the snippet from that section', () => {
    const hit = makeEngine(longArticles()).search('ost file too large').hits[0];
    expect(hit?.section).toEqual({ anchor: 'the-ost-file-is-too-large', heading: 'The OST file is too large' });
    expect(hit?.snippet.filter((part) => part.mark).map((part) => part.text.toLowerCase())).toContain('ost file');
  });

  test('leave the section out when only the title or the opening matches', () => {
    const hit = makeEngine(longArticles()).search('common problems').hits[0];
    expect(hit?.id).toBe('outlook/many-problems');
    expect(hit?.section).toBeUndefined();
  });

  test('find an error message quoted in a code block', () => {
    const engine = makeEngine([
      makeArticle({ id: 'git/auth', title: 'Git asks for a password', sections: [section('Symptoms', 'fatal: Authentication failed for https://example.com/repo.git')] }),
      ...makeHelpDesk(),
    ]);
    expect(engine.search('fatal: Authentication failed for').hits[0]?.id).toBe('git/auth');
  });

  test('print hits in descending order of the score the ranking used', () => {
    const engine = makeEngine(longArticles());
    for (const query of ['outlook slow', 'password reset', 'ost file too large', 'printer offline settings', 'the settings window']) {
      const scores = engine.search(query).hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.length).toBeGreaterThan(0);
    }
  });
});

describe('everyday words', () => {
  test('do not carry a match on their own: "teams status away" does not find an article that says "straight away"', () => {
    const engine = makeEngine([
      makeArticle({ id: 'meetings/teams-status', title: 'Set your Teams status', body: `Choose Available, Busy or Do not disturb. ${FILLER}` }),
      makeArticle({ id: 'printing/print-queue-stuck', title: 'Clear stuck print jobs', body: `Cancel the job and it should go straight away. ${FILLER}` }),
      ...makeHelpDesk(),
    ]);
    const found = engine.search('teams status away').hits.map((hit) => hit.id);
    expect(found[0]).toBe('meetings/teams-status');
    expect(found).not.toContain('printing/print-queue-stuck');
  });

  test('still find articles when nothing else in the query matches', () => {
    const engine = makeEngine([
      makeArticle({ id: 'email/out-of-office', title: 'Set an automatic reply', body: `Tell people you are away. ${FILLER}` }),
      ...makeHelpDesk(),
    ]);
    expect(engine.search('away').hits[0]?.id).toBe('email/out-of-office');
  });
});
