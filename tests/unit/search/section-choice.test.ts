import { describe, expect, test } from 'vitest';
import { rankSections, type SectionChoiceConfig, type SectionsOf, type SectionQuery, type SectionMatch } from '../../../widget/core/search/section-choice.ts';
import type { SectionRole } from '../../../widget/core/kb-format.ts';
import { SEARCH_CONFIG } from '../../../widget/core/search/search-config.ts';
import { createSearchEngine } from '../../../widget/core/search/engine.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import { FILLER, makeArticle, makeHelpDesk, makeIndex } from './search-fixtures.ts';

/** Where a hit opens: the first of the ranked sections, or -1 for none. */
const chooseSection = (sections: SectionsOf, query: SectionQuery, choiceConfig: SectionChoiceConfig): number => rankSections(sections, query, choiceConfig)[0] ?? -1;

const config: SectionChoiceConfig = { sectionTopicWeight: 0.3, sectionCoveragePower: 3, sectionScoreFloor: 0.1, sectionHeadingBonus: 1, sectionOpeningWeight: 0.3, sectionQuoteCoverage: 0.9, sectionTrailerWeight: 0.5, sectionWholeHeadingBonus: 1, sectionNegationBonus: 0.2 };
const plain: (SectionRole | undefined)[] = [];
const none = new Set<string>();
// Query words: 0 "outlook" (the article's topic: its title matches it), 1 "cache".
const unitsOf = new Map([
  ['outlook', 0b01],
  ['cach', 0b10],
]);

// The choice with no heading named whole and nothing negated (the cases below add those).
const choose = (
  matches: SectionMatch[],
  leads: Set<string>[],
  roles: (SectionRole | undefined)[],
  asksWhy: boolean,
  units: Map<string, number>,
  weights: number[],
  topic: number,
  choiceConfig: SectionChoiceConfig,
) => chooseSection({ matches, leads, headings: leads.map(() => none), negated: leads.map(() => false), roles }, { asksWhy, negated: false, unitsOf: units, weights, topic }, choiceConfig);

describe('the section a hit opens at (rankSections, first)', () => {
  test('prefers the section holding the query’s own angle over one that restates the article’s topic', () => {
    const matches = [
      { section: 1, score: 10, units: 0b01, named: 0 },
      { section: 2, score: 6, units: 0b10, named: 0 },
    ];
    expect(choose(matches, [none, none, none], plain, false, unitsOf, [1, 1], 0b01, config)).toBe(2);
    // Without the topic discount the louder, topic-only section wins: the discount decides.
    expect(choose(matches, [none, none, none], plain, false, unitsOf, [1, 1], 0b01, { ...config, sectionTopicWeight: 1 })).toBe(1);
  });

  test('counts the words of a section’s heading and opening lines, which the pruned body may lack', () => {
    const matches = [
      { section: 0, score: 8, units: 0b01, named: 0 },
      { section: 1, score: 5, units: 0b01, named: 0 },
    ];
    // Section 1's indexed body holds one word; its opening lines hold the other too.
    expect(choose(matches, [none, new Set(['cach'])], plain, false, unitsOf, [1, 1], 0, config)).toBe(1);
    expect(choose(matches, [none, none], plain, false, unitsOf, [1, 1], 0, config)).toBe(0);
  });

  test('favours a section whose heading names a query word', () => {
    const matches = [
      { section: 0, score: 10, units: 0b11, named: 0 },
      { section: 1, score: 7, units: 0b11, named: 0b10 },
    ];
    expect(choose(matches, [none, none], plain, false, unitsOf, [1, 1], 0, config)).toBe(1);
    expect(choose(matches, [none, none], plain, false, unitsOf, [1, 1], 0, { ...config, sectionHeadingBonus: 0 })).toBe(0);
  });

  test('lands less readily on a section that states the problem (an opening heading such as "Symptoms")', () => {
    const matches = [
      { section: 1, score: 10, units: 0b11, named: 0 },
      { section: 2, score: 5, units: 0b11, named: 0 },
    ];
    expect(choose(matches, [none, none, none], [undefined, 'states', undefined], false, unitsOf, [1, 1], 0, config)).toBe(2);
    expect(choose(matches, [none, none, none], plain, false, unitsOf, [1, 1], 0, config)).toBe(1);
  });

  test('opens past the problem statement when it matches best: at the section that follows it', () => {
    // Only the summary (0) and "Symptoms" (1) match, two of the three words: the question describes the problem.
    const matches = [
      { section: 0, score: 10, units: 0b011, named: 0 },
      { section: 1, score: 10, units: 0b011, named: 0 },
    ];
    expect(choose(matches, [none, none, none, none], ['states', 'states', undefined, undefined], false, unitsOf, [1, 1, 1], 0, config)).toBe(2);
    expect(choose(matches, [none, none, none, none], plain, false, unitsOf, [1, 1, 1], 0, config)).toBe(0);
    // An article that is all problem statement opens at its top (no section: the index is past the end).
    expect(choose(matches, [none, none], ['states', 'states'], false, unitsOf, [1, 1, 1], 0, config)).toBe(2);
  });

  test('passing the problem statement, opens at the answering section that holds the words the statement lacks', () => {
    // The opening quotes the error (words 0 and 1); of the fixes after it, section 2 holds word 2 ("after installing boards").
    const matches = [
      { section: 0, score: 10, units: 0b011, named: 0 },
      { section: 1, score: 5, units: 0b001, named: 0 },
      { section: 2, score: 3, units: 0b100, named: 0 },
    ];
    expect(choose(matches, [none, none, none], ['states', undefined, undefined], false, unitsOf, [1, 1, 1], 0, config)).toBe(2);
    // With no such section it opens at the one after the statement.
    expect(choose(matches.slice(0, 2), [none, none, none], ['states', undefined, undefined], false, unitsOf, [1, 1, 1], 0, config)).toBe(1);
  });

  test('stays at the problem statement when it holds the whole question: the user quotes its error text', () => {
    // Section 1 ("Symptoms") quotes all three words; the cause (2) shares one.
    const matches = [
      { section: 1, score: 10, units: 0b111, named: 0 },
      { section: 2, score: 2, units: 0b001, named: 0 },
    ];
    expect(choose(matches, [none, none, none], ['states', 'states', undefined], false, unitsOf, [1, 1, 1], 0, config)).toBe(1);
    expect(choose(matches, [none, none, none], ['states', 'states', undefined], false, unitsOf, [1, 1, 1], 0, { ...config, sectionQuoteCoverage: 1.1 })).toBe(2);
    // A question asking why quotes nothing: it goes on to the explanation.
    expect(choose(matches, [none, none, none], ['states', 'states', 'explains'], true, unitsOf, [1, 1, 1], 0, config)).toBe(2);
  });

  test('passing the problem statement, goes past an explanation ("Cause") to the fix, unless the question asks why', () => {
    const matches = [
      { section: 1, score: 10, units: 0b011, named: 0 },
      { section: 2, score: 3, units: 0b001, named: 0 },
    ];
    const roles: (SectionRole | undefined)[] = ['states', 'states', 'explains', undefined];
    expect(choose(matches, [none, none, none, none], roles, false, unitsOf, [1, 1, 1], 0, config)).toBe(3);
    expect(choose(matches, [none, none, none, none], roles, true, unitsOf, [1, 1, 1], 0, config)).toBe(2);
  });

  test('an explanation that wins on its own words opens at the fix after it, unless the question asks why or no fix follows', () => {
    // "callers get meeting not found, organizer account was removed": the Cause restates the conditions the user describes.
    const cause = [{ section: 2, score: 10, units: 0b011, named: 0 }];
    const roles: (SectionRole | undefined)[] = ['states', 'states', 'explains', undefined];
    expect(choose(cause, [none, none, none, none], roles, false, unitsOf, [1, 1, 1], 0, config)).toBe(3);
    expect(choose(cause, [none, none, none, none], roles, true, unitsOf, [1, 1, 1], 0, config)).toBe(2);
    // Past a trailer ("More information") there is no fix to open at: the explanation stays.
    expect(choose(cause, [none, none, none, none], ['states', 'states', 'explains', 'trails'], false, unitsOf, [1, 1, 1], 0, config)).toBe(2);
  });

  test('lands less readily on a section that trails the answer ("More information")', () => {
    const matches = [
      { section: 1, score: 6, units: 0b11, named: 0 },
      { section: 2, score: 10, units: 0b11, named: 0 },
    ];
    expect(choose(matches, [none, none, none], [undefined, undefined, 'trails'], false, unitsOf, [1, 1], 0, config)).toBe(1);
    expect(choose(matches, [none, none, none], plain, false, unitsOf, [1, 1], 0, config)).toBe(2);
  });

  test('a question asking why opens at the explanation ("Cause"), even where another section matches louder', () => {
    const matches = [
      { section: 1, score: 10, units: 0b011, named: 0 },
      { section: 2, score: 3, units: 0b001, named: 0 },
      { section: 3, score: 12, units: 0b011, named: 0 },
    ];
    const roles: (SectionRole | undefined)[] = [undefined, 'states', 'explains', undefined];
    expect(choose(matches, [none, none, none, none], roles, true, unitsOf, [1, 1, 1], 0, config)).toBe(2);
    expect(choose(matches, [none, none, none, none], roles, false, unitsOf, [1, 1, 1], 0, config)).toBe(3);
    // An explanation no query word reaches is no answer to this question.
    const unmatched = matches.filter((match) => match.section !== 2);
    expect(choose(unmatched, [none, none, none, none], roles, true, unitsOf, [1, 1, 1], 0, config)).toBe(3);
  });

  test('favours a section whose whole heading the query names, unless the heading is one word the title holds too', () => {
    // "scan issues found": section 1 "Review your scan" names "scan", section 2 "Issues found" names "issue" and "found".
    const words = new Map([
      ['scan', 0b001],
      ['issu', 0b010],
      ['found', 0b100],
    ]);
    const matches = [
      { section: 1, score: 20, units: 0b111, named: 0b001 },
      { section: 2, score: 10, units: 0b111, named: 0b110 },
    ];
    const sections = (headings: Set<string>[]) => ({ matches, leads: [none, none, none], headings, negated: [false, false, false], roles: plain });
    const query = (topic: number) => ({ asksWhy: false, negated: false, unitsOf: words, weights: [1, 1, 1], topic });
    const headings = [none, new Set(['review', 'scan']), new Set(['issu', 'found'])];
    expect(chooseSection(sections(headings), query(0), config)).toBe(2);
    expect(chooseSection(sections(headings), query(0), { ...config, sectionWholeHeadingBonus: 0 })).toBe(1);
    // Headings never named whole: the louder section wins.
    expect(chooseSection(sections([none, none, none]), query(0), config)).toBe(1);
    // "Issues found" named under a title that lists it among others ("Scan, review issues found") still names the section.
    expect(chooseSection(sections(headings), query(0b110), config)).toBe(2);
    // A one-word heading the title holds too ("Scan" in a scanning article) says nothing about the section.
    const loud = [
      { section: 1, score: 11, units: 0b111, named: 0 },
      { section: 2, score: 20, units: 0b111, named: 0 },
    ];
    const single = { matches: loud, leads: [none, none, none], headings: [none, new Set(['scan']), none], negated: [false, false, false], roles: plain };
    expect(chooseSection(single, query(0), config)).toBe(1);
    expect(chooseSection(single, query(0b001), config)).toBe(2);
  });

  test('between siblings that differ by a negation, a negated question opens at the negated heading', () => {
    const matches = [
      { section: 1, score: 10, units: 0b11, named: 0b11 },
      { section: 2, score: 9.5, units: 0b11, named: 0b11 },
    ];
    const sections = { matches, leads: [none, none, none], headings: [none, none, none], negated: [false, false, true], roles: plain };
    const query = (negated: boolean) => ({ asksWhy: false, negated, unitsOf, weights: [1, 1], topic: 0 });
    expect(chooseSection(sections, query(true), config)).toBe(2);
    expect(chooseSection(sections, query(false), config)).toBe(1);
    expect(chooseSection(sections, query(true), { ...config, sectionNegationBonus: 0 })).toBe(1);
  });

  test('chooses no section when none matches', () => {
    expect(choose([], [none, none], plain, false, unitsOf, [1, 1], 0, config)).toBe(-1);
  });
});

describe('rankSections', () => {
  const sections = (matches: SectionMatch[], roles: (SectionRole | undefined)[]) => ({
    matches,
    leads: roles.map(() => none),
    headings: roles.map(() => none),
    negated: roles.map(() => false),
    roles,
  });
  const query = (asksWhy: boolean) => ({ asksWhy, negated: false, unitsOf, weights: [1, 1], topic: 0 });

  test('puts the section a hit opens at first, then the others the query reaches, strongest first', () => {
    const matches = [
      { section: 1, score: 4, units: 0b11, named: 0 },
      { section: 2, score: 10, units: 0b11, named: 0 },
      { section: 3, score: 7, units: 0b11, named: 0 },
    ];
    expect(rankSections(sections(matches, [undefined, undefined, undefined, undefined, undefined]), query(false), config)).toEqual([2, 3, 1]);
  });

  test('after a why-question’s explanation, still offers the louder sections', () => {
    const matches = [
      { section: 1, score: 10, units: 0b11, named: 0 },
      { section: 2, score: 3, units: 0b01, named: 0 },
      { section: 3, score: 12, units: 0b11, named: 0 },
    ];
    const ranked = rankSections(sections(matches, [undefined, 'states', 'explains', undefined]), query(true), config);
    expect(ranked[0]).toBe(2);
    expect(ranked.slice(1)).toEqual([3, 1]);
  });

  test('offers nothing when no section matches', () => {
    expect(rankSections(sections([], [undefined, undefined]), query(false), config)).toEqual([]);
  });
});

describe('section a hit opens at', () => {
  const articles = [
    makeArticle({
      id: 'outlook/slow-start',
      title: 'Outlook starts slowly',
      body: '',
      sections: [
        { heading: '', text: `Outlook takes minutes to start and shows "Processing". ${FILLER}` },
        { heading: 'Symptoms', text: `Outlook starts slowly, Outlook stays on the Processing screen, Outlook is slow every morning. ${FILLER}` },
        { heading: 'Resolution', text: `Outlook keeps an autocomplete cache: clear it, then restart Outlook. ${FILLER}` },
      ],
    }),
    ...makeHelpDesk(),
  ];
  const index = makeIndex(articles);

  test('is the one that answers the angle of the question, not the one restating the title', () => {
    const hit = createSearchEngine(index, SEARCH_CONFIG, findCorrections).search('outlook starts slowly cache').hits[0];
    expect(hit?.id).toBe('outlook/slow-start');
    expect(hit?.section?.anchor).toBe('resolution');
    const undiscounted = createSearchEngine(index, { ...SEARCH_CONFIG, sectionTopicWeight: 1 }, findCorrections).search('outlook starts slowly cache').hits[0];
    expect(undiscounted?.section?.anchor).toBe('symptoms');
  });

  test('offers the other sections the question reaches, never the one shown nor the article’s top', () => {
    const engine = createSearchEngine(index, SEARCH_CONFIG, findCorrections);
    const hit = engine.search('outlook starts slowly cache').hits[0];
    expect(hit?.section?.anchor).toBe('resolution');
    expect(hit?.moreSections).toEqual([{ anchor: 'symptoms', heading: 'Symptoms' }]);
    const none = createSearchEngine(index, { ...SEARCH_CONFIG, moreSections: 0 }, findCorrections).search('outlook starts slowly cache').hits[0];
    expect(none?.moreSections).toBeUndefined();
  });

  test('a heading that says what the section does ("Using KeePassXC") is named whole without its verb', () => {
    const keys = makeArticle({
      id: 'tools/signing',
      title: 'Signing commits',
      body: '',
      sections: [
        { heading: 'Set up your keys manually', text: `Add the key to the agent yourself, or with KeePassXC if you keep it there. ${FILLER}` },
        { heading: 'Using KeePassXC', text: `Open its settings, add the key and turn on the agent. ${FILLER}` },
      ],
    });
    const index = makeIndex([keys, ...makeHelpDesk()]);
    const query = 'keepassxc agent key';
    expect(createSearchEngine(index, SEARCH_CONFIG, findCorrections).search(query).hits[0]?.section?.anchor).toBe('using-keepassxc');
    const literal = createSearchEngine(index, { ...SEARCH_CONFIG, sectionHeadingVerbs: [] }, findCorrections).search(query).hits[0];
    expect(literal?.section?.anchor).toBe('set-up-your-keys-manually');
  });

  test('reads a negation in the question and in the headings, though search drops it as a stop word', () => {
    const software = makeArticle({
      id: 'tools/software',
      title: 'Software requests',
      body: '',
      sections: [
        { heading: 'Approved software', text: `Find it in the catalog, then install. ${FILLER}` },
        { heading: "Software that isn't approved", text: `Ask the catalog team for a review. ${FILLER}` },
      ],
    });
    const index = makeIndex([software, ...makeHelpDesk()]);
    const engine = createSearchEngine(index, SEARCH_CONFIG, findCorrections);
    expect(engine.search('software not approved catalog').hits[0]?.section?.anchor).toBe('software-that-isn-t-approved');
    expect(engine.search('software approved catalog').hits[0]?.section?.anchor).toBe('approved-software');
    const blind = createSearchEngine(index, { ...SEARCH_CONFIG, sectionNegationBonus: 0 }, findCorrections);
    expect(blind.search('software not approved catalog').hits[0]?.section?.anchor).toBe('approved-software');
  });
});
