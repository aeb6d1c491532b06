/**
 * Finds `:::flow Title` … `:::` blocks in an article body (README "Guided troubleshooting")
 * and splits them into steps and answers with their source lines. The flow's lines are
 * replaced by a placeholder comment, so the rest of the article renders as usual and the
 * flow section is put back in its place afterwards.
 */
import { createFenceTracker } from './fences.ts';
import { slugify } from './slug.ts';

export interface ParsedFlowAnswer {
  /** Answer text as markdown. */
  label: string;
  /** Target after `#`. */
  to: string;
  line: number;
}

export interface ParsedFlowStep {
  id: string;
  /** Heading text as markdown, without `{#id}`. */
  heading: string;
  line: number;
  /** Markdown between the heading and the answers. */
  body: string;
  /** Offset of `body` in the article source. */
  bodyOffset: number;
  answers: ParsedFlowAnswer[];
}

export interface ParsedFlow {
  title: string;
  line: number;
  closed: boolean;
  /** Markdown before the first step. */
  intro: string;
  introOffset: number;
  steps: ParsedFlowStep[];
}

const OPEN = /^ {0,3}:::flow(?:[ \t]+(.*?))?[ \t]*$/;
const CLOSE = /^ {0,3}:::[ \t]*$/;
const STEP = /^ {0,3}###[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const STEP_ID = /[ \t]*\{#([^}\s]+)\}[ \t]*$/;
const ANSWER = /^\s*(?:[-*+]|\d+[.)])[ \t]+\[(.+)\]\([ \t]*#([^)\s]*)[ \t]*\)[ \t]*$/;

/** The placeholder left in the article body for flow number `index`. */
export function flowPlaceholder(index: number): string {
  return `<!--tier0-flow:${index}-->`;
}

/** Plain text of one line of inline markdown (enough for step titles and ids). */
export function inlineMarkdownText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`~]|(^|\s)_+|_+(?=\s|$)/g, '$1')
    .trim();
}

/** Extracts every flow of an article body; returns the body with placeholders. */
export function extractFlows(body: string): { body: string; flows: ParsedFlow[] } {
  if (!body.includes(':::flow')) return { body, flows: [] };
  const lines = body.split('\n');
  const offsets: number[] = [];
  for (let index = 0, offset = 0; index < lines.length; index += 1) {
    offsets.push(offset);
    offset += lines[index]!.length + 1;
  }
  const flows: ParsedFlow[] = [];
  const fences = createFenceTracker();
  for (let index = 0; index < lines.length; index += 1) {
    if (fences.isCode(lines[index]!)) continue;
    const open = OPEN.exec(lines[index]!);
    if (!open) continue;
    const end = closingLine(lines, index + 1);
    flows.push(parseFlow(lines, offsets, index, end, open[1] ?? ''));
    lines[index] = flowPlaceholder(flows.length - 1);
    for (let blank = index + 1; blank <= Math.min(end, lines.length - 1); blank += 1) lines[blank] = '';
    index = end;
  }
  return { body: lines.join('\n'), flows };
}

/** Index of the `:::` line closing a flow opened before `from`, or lines.length when unclosed. */
function closingLine(lines: string[], from: number): number {
  const fences = createFenceTracker();
  for (let index = from; index < lines.length; index += 1) {
    if (fences.isCode(lines[index]!)) continue;
    if (CLOSE.test(lines[index]!)) return index;
  }
  return lines.length;
}

function parseFlow(lines: string[], offsets: number[], open: number, end: number, title: string): ParsedFlow {
  const starts: number[] = [];
  const fences = createFenceTracker();
  for (let index = open + 1; index < end; index += 1) {
    if (!fences.isCode(lines[index]!) && STEP.test(lines[index]!)) starts.push(index);
  }
  const firstStep = starts[0] ?? end;
  const steps = starts.map((start, n) => parseStep(lines, offsets, start, starts[n + 1] ?? end));
  return {
    title: title.trim(),
    line: open + 1,
    closed: end < lines.length,
    intro: lines.slice(open + 1, firstStep).join('\n'),
    introOffset: offsets[open + 1] ?? 0,
    steps,
  };
}

function parseStep(lines: string[], offsets: number[], start: number, end: number): ParsedFlowStep {
  const headingText = STEP.exec(lines[start]!)![1]!;
  const explicitId = STEP_ID.exec(headingText);
  const heading = explicitId ? headingText.slice(0, explicitId.index) : headingText;

  // Answers are the list of single links that ends the step; scan it from the bottom up.
  const answers: ParsedFlowAnswer[] = [];
  let bodyEnd = end;
  for (let index = end - 1; index > start; index -= 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const answer = ANSWER.exec(line);
    if (!answer) break;
    const to = /^(solved|support)$/i.test(answer[2]!) ? answer[2]!.toLowerCase() : answer[2]!;
    answers.unshift({ label: answer[1]!.trim(), to, line: index + 1 });
    bodyEnd = index;
  }
  return {
    id: explicitId ? explicitId[1]! : slugify(inlineMarkdownText(heading)),
    heading: heading.trim(),
    line: start + 1,
    body: lines.slice(start + 1, bodyEnd).join('\n'),
    bodyOffset: offsets[start + 1] ?? 0,
    answers,
  };
}
