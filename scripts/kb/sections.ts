/**
 * Sections of a compiled article: the text under each `##`/`###` heading, so search can rank an
 * article by the one section that answers a query and open it at that section. A guided flow is
 * one section (its step headings do not split it): a step out of its flow answers nothing.
 */
import { decodeEntities, htmlToText } from './plain-text.ts';

export interface Section {
  /** The heading's id ('' for the text before the first heading). */
  anchor: string;
  /** Heading text ('' for the text before the first heading). */
  heading: string;
  /** Plain text of the section without its heading, code blocks included (see searchText). */
  text: string;
  /** It holds an ordered list: a procedure, so it answers rather than states a problem (see section-roles.ts). */
  steps: boolean;
  /** It quotes text (a code block, or a paragraph that is all code): in an article's opening, the error message it is about. */
  quotes: boolean;
  /** Heading level: 2 or 3 (0 for the text before the first heading). */
  level: number;
}

/** What section roles are learned from, besides headings (build-time only, see section-roles.ts). */
export type SectionFacts = Pick<Section, 'steps' | 'quotes' | 'level'>;

const HEADING = /<h([23]) id="([^"]*)">([\s\S]*?)<\/h\1>/g;
const FLOW = /<section class="t0-flow">[\s\S]*?<\/section>/g;
const OL = /<ol\b/i;
const QUOTE = /<pre\b|<p><code>(?:(?!<\/code>)[\s\S])*<\/code><\/p>/i;
const PRE = /<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi;
/** A pasted log is not a question: the first lines of a code block hold its error text. */
const MAX_CODE_CHARS = 200;

/**
 * Text for the search index: like htmlToText, but code blocks are kept (up to MAX_CODE_CHARS
 * each), since users paste the error text that IT articles quote in code blocks.
 */
export function searchText(html: string): string {
  return htmlToText(html.replace(PRE, (_, inner: string) => `<p>${inner.replace(/<[^>]*>/g, '').slice(0, MAX_CODE_CHARS)}</p>`));
}

/**
 * A heading as it is compared across articles and with what authors write about it (learned
 * roles, `section-aliases`): case, spacing and a closing colon, stop or question mark aside
 * ("Symptoms:" is "symptoms").
 */
export const headingKey = (heading: string): string => heading.toLowerCase().replace(/\s+/g, ' ').replace(/[\s:.?!]+$/u, '').trim();

/** Splits compiled article HTML into sections at its H2/H3 headings (flows stay whole). */
export function splitSections(html: string): Section[] {
  const flows = [...html.matchAll(FLOW)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const starts: { at: number; end: number; anchor: string; heading: string; level: number }[] = [];
  for (const match of html.matchAll(HEADING)) {
    const flow = flows.find((range) => match.index >= range.start && match.index < range.end);
    // Inside a flow only its own title heading (the first) starts a section.
    if (flow && starts.some((start) => start.at >= flow.start)) continue;
    starts.push({ at: match.index, end: match.index + match[0].length, anchor: decodeEntities(match[2] ?? ''), heading: htmlToText(match[3] ?? ''), level: Number(match[1]) });
  }
  const sections: Section[] = [];
  const introHtml = html.slice(0, starts[0]?.at ?? html.length);
  const intro = searchText(introHtml);
  if (intro || !starts.length) sections.push({ anchor: '', heading: '', text: intro, steps: OL.test(introHtml), quotes: QUOTE.test(introHtml), level: 0 });
  starts.forEach((start, i) => {
    const inner = html.slice(start.end, starts[i + 1]?.at ?? html.length);
    sections.push({ anchor: start.anchor, heading: start.heading, text: searchText(inner), steps: OL.test(inner), quotes: QUOTE.test(inner), level: start.level });
  });
  return sections;
}
