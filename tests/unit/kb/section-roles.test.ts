import { expect, test } from 'vitest';
import type { ArticleMeta, SectionRole } from '../../../widget/core/kb-format.ts';
import { markSectionRoles } from '../../../scripts/kb/section-roles.ts';
import type { SectionFacts } from '../../../scripts/kb/sections.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import { loadSearchEngine } from '../../../widget/core/search/engine.ts';
import { compileFiles, makeTempDir } from './kb-helpers.ts';

const meta = (id: string, headings: string[]): ArticleMeta => ({
  id,
  title: id,
  description: '',
  category: 'c',
  tags: [],
  aliases: [],
  pages: [],
  headings,
  summary: '',
  body: `articles/${id}.json`,
  hasFlow: false,
  sections: [{ anchor: '', heading: '', lead: '' }, ...headings.map((heading) => ({ anchor: heading.toLowerCase(), heading, lead: '' }))],
});

/** Per article id, its sections' facts, from per-section values of each kind. */
const factsOf = (kinds: { [K in keyof SectionFacts]?: Record<string, SectionFacts[K][]> }) => {
  const facts = new Map<string, Partial<SectionFacts>[]>();
  for (const [kind, byId] of Object.entries(kinds) as [string, Record<string, unknown[]>][]) {
    for (const [id, values] of Object.entries(byId)) {
      const sections = facts.get(id) ?? [];
      values.forEach((value, i) => (sections[i] = { ...sections[i], [kind]: value }));
      facts.set(id, sections);
    }
  }
  return facts;
};

/** Per article id, the headings of its sections marked with `role`. */
const withRole = (role: SectionRole) => (metas: ArticleMeta[]) =>
  Object.fromEntries(metas.map((m) => [m.id, (m.sections ?? []).filter((s) => s.role === role).map((s) => s.heading)]));
const openings = withRole('states');

test('marks the headings that start most of the articles that use them, and the summary above them', () => {
  const metas = [
    meta('a', ['Symptoms', 'Cause', 'Resolution']),
    meta('b', ['Symptoms:', 'Resolution']),
    meta('c', ['symptoms', 'Workaround']),
    meta('d', ['Overview', 'Symptoms', 'Resolution']),
    meta('e', ['Resolution', 'More information']),
  ];
  // The text before a first "Symptoms" states the problem too; before "Overview" it does not.
  expect(openings(markSectionRoles(metas))).toEqual({ a: ['', 'Symptoms'], b: ['', 'Symptoms:'], c: ['', 'symptoms'], d: ['Symptoms'], e: [] });
});

test('marks nothing where no heading opens three articles, or one opens less than 60% of its articles', () => {
  const few = [meta('a', ['Summary', 'Steps']), meta('b', ['Summary', 'Steps'])];
  expect(openings(markSectionRoles(few))).toEqual({ a: [], b: [] });
  const mixed = [
    meta('a', ['Steps', 'Notes']),
    meta('b', ['Steps', 'Notes']),
    meta('c', ['Steps']),
    meta('d', ['Before you start', 'Steps']),
    meta('e', ['Requirements', 'Steps']),
  ];
  // "Steps" opens 3 of the 5 articles that have it (60%): an opening; nothing else opens 3.
  expect(openings(markSectionRoles(mixed))).toEqual({ a: ['', 'Steps'], b: ['', 'Steps'], c: ['', 'Steps'], d: ['Steps'], e: ['Steps'] });
  const later = [...mixed, meta('f', ['Intro', 'Steps'])];
  expect(openings(markSectionRoles(later)).f).toEqual([]);
});

test('marks no heading whose sections are often procedures: they answer, wherever they stand', () => {
  const metas = [meta('a', ['Setup', 'Usage']), meta('b', ['Setup', 'Usage']), meta('c', ['Setup', 'Tips']), meta('d', ['Setup'])];
  // Setup (section 1) holds an ordered list in one article of four: 25%, too many for an opening.
  const steps = factsOf({ steps: { a: [false, true, false] } });
  expect(openings(markSectionRoles(metas, steps))).toEqual({ a: [], b: [], c: [], d: [] });
  expect(openings(markSectionRoles(metas)).a).toEqual(['', 'Setup']);
});

const explained = withRole('explains');

test('marks an explanation: a heading that follows the problem statement, with the fix after it', () => {
  const metas = [
    meta('a', ['Symptoms', 'Cause', 'Resolution']),
    meta('b', ['Symptoms', 'Cause', 'Workaround']),
    meta('c', ['Symptoms', 'Cause', 'Resolution', 'More information']),
    meta('d', ['Symptoms', 'Cause', 'Resolution']),
    meta('e', ['Symptoms', 'Resolution']),
    meta('f', ['Symptoms', 'Cause']),
  ];
  // Resolution follows Cause in 3 of its 4 followed uses, Workaround in 1: both are fixes. Resolution,
  // right after Symptoms in 1 of the 5 articles that have it, is no explanation; f's Cause is last.
  expect(explained(markSectionRoles(metas))).toEqual({ a: ['Cause'], b: ['Cause'], c: ['Cause'], d: ['Cause'], e: [], f: [] });
  // A heading the KB uses often, yet rarely after the explanation, is no fix: the Cause before it is not passed.
  const rare = [...metas, ...'ghijklmnopqrstuvwxyz'.split('').map((id) => meta(id, ['Symptoms', 'Cause', 'Resolution', ...(id < 'k' ? ['Status'] : [])]))];
  rare.push(meta('status', ['Symptoms', 'Cause', 'Status']));
  expect(explained(markSectionRoles(rare)).status).toEqual([]);
  // A heading of this article alone after the explanation is its own fix ("Clear the font cache").
  rare.push(meta('own', ['Symptoms', 'Cause', 'Clear the font cache']));
  expect(explained(markSectionRoles(rare)).own).toEqual(['Cause']);
  // The text before a first explanation states the problem too; the explanation is passed as well.
  // "Resolution" ends most of these articles, but right after the explanation: it answers, it does not trail.
  const intro = markSectionRoles([...metas, meta('g', ['Cause', 'Resolution'])]).find((m) => m.id === 'g')!;
  expect(intro.sections!.map((section) => [section.anchor, section.role])).toEqual([['', 'states'], ['cause', 'explains'], ['resolution', undefined]]);
  // An explanation that holds steps in many articles is a procedure.
  const steps = factsOf({ steps: { a: [false, false, true, false], b: [false, false, true, false] } });
  expect(explained(markSectionRoles(metas, steps)).a).toEqual([]);
});

test('an opening that quotes a message (an error in a code block) states the problem when a section answering it follows', () => {
  const metas = [
    meta('quoted', ['Select a board', 'Further reading']),
    meta('answer', ['Further reading']),
    meta('plain', ['Select a board', 'Further reading']),
    ...['Wiring', 'Setup', 'Upload'].map((heading) => meta(heading, [heading, 'Further reading'])),
  ];
  const quotes = { quoted: [true, false, false], answer: [true, false] };
  // "Further reading" ends the articles that use it: after an opening that is the whole answer, nothing answers.
  expect(openings(markSectionRoles(metas, factsOf({ quotes })))).toMatchObject({ quoted: [''], answer: [], plain: [] });
  // An opening with steps answers, whatever it quotes.
  expect(openings(markSectionRoles(metas, factsOf({ quotes, steps: { quoted: [true, false, false] } }))).quoted).toEqual([]);
});

test('the subsections of a problem statement that an explanation follows state the problem too, unless they hold steps', () => {
  const metas = [
    ...['a', 'b', 'c'].map((id) => meta(id, ['Symptoms', 'Cause', 'Resolution'])),
    meta('nested', ['Symptoms', 'Missing cookies', 'Login prompts', 'Cause', 'Resolution']),
    meta('summary', ['Symptoms', 'Windows 7', 'Windows 10', 'More information']),
  ];
  const level = { nested: [0, 2, 3, 3, 2, 2], summary: [0, 2, 3, 3, 2] };
  const marked = markSectionRoles(metas, factsOf({ level }));
  expect(openings(marked)).toMatchObject({ nested: ['', 'Symptoms', 'Missing cookies', 'Login prompts'], summary: ['', 'Symptoms'] });
  // So the explanation after them is one: a why-question opens there.
  expect(explained(marked).nested).toEqual(['Cause']);
  const stepped = markSectionRoles(metas, factsOf({ level, steps: { nested: [false, false, false, true, false, false] } }));
  expect(openings(stepped).nested).toEqual(['', 'Symptoms', 'Missing cookies']);
});

test('marks trailing headings (last in most articles that have them) where the article states a problem', () => {
  const trailing = withRole('trails');
  const metas = [
    meta('a', ['Symptoms', 'Resolution', 'More information']),
    meta('b', ['Symptoms', 'Workaround', 'More information']),
    meta('c', ['Symptoms', 'Resolution', 'More information', 'References']),
    meta('d', ['Symptoms', 'More information', 'Resolution']),
    // No problem statement: a how-to's last section ("For admins") answers its own questions.
    meta('e', ['Usage', 'More information']),
  ];
  // "More information" ends 3 of its 5 articles (60%); "References" ends 1 article, too few.
  expect(trailing(markSectionRoles(metas))).toEqual({ a: ['More information'], b: ['More information'], c: ['More information'], d: ['More information'], e: [] });
  expect(trailing(markSectionRoles(metas.slice(2)))).toEqual({ c: [], d: [], e: [] });
});

test('a compiled KB opens a question that describes the problem at the fix after its statement, and a why question at the cause', async () => {
  const article = (name: string, problem: string, cause: string, fix: string) =>
    `# ${name}\n\nThis article solves a problem with ${name}.\n\n## Symptoms\n\n${problem}\n\n## Cause\n\n${cause}\n\n## Resolution\n\n1. ${fix}\n2. Restart.\n`;
  const result = await compileFiles(
    {
      'printer.md': article('Printer spooler', 'The print spooler service stops and jobs stay queued forever.', 'A damaged driver crashes the spooler.', 'Remove the damaged driver.'),
      'vpn.md': article('VPN client', 'The VPN client disconnects every ten minutes on hotel Wi-Fi.', 'The hotel network blocks keep-alive packets.', 'Switch the VPN to TCP mode.'),
      'mail.md': article('Mail sync', 'New mail arrives hours late on the phone.', 'Push is off for the account.', 'Turn on push for the account.'),
    },
    { outDir: makeTempDir() },
  );
  const engine = loadSearchEngine(result.index, findCorrections);
  // Past the statement and its explanation ("Cause", learned: it follows "Symptoms" and the fix follows it).
  const hit = engine.search('print spooler stops every ten minutes').hits[0];
  expect(hit?.id).toBe('printer');
  expect(hit?.section?.anchor).toBe('resolution');
  // Asking why opens at the explanation.
  expect(engine.search('why does the print spooler stop every ten minutes').hits[0]?.section?.anchor).toBe('cause');
  // Quoting the statement whole (the user's own error text) opens at it.
  expect(engine.search('print spooler service stops, jobs stay queued forever').hits[0]?.section?.anchor).toBe('symptoms');
  // A question about the fix itself still opens at the fix.
  expect(engine.search('vpn tcp mode').hits[0]?.section?.anchor).toBe('resolution');
});
