/**
 * One article from preprocessed markdown to what the bundle stores: its metadata, the text
 * the search index sees and its body (HTML plus the guided flow, when it has one).
 */
import type { Token, Tokens } from 'marked';
import type { Flow } from '../../widget/core/flow-types.ts';
import { validateFlow } from '../../widget/core/flow-validate.ts';
import type { ArticleBody, ArticleMeta } from '../../widget/core/kb-format.ts';
import type { IndexableArticle } from '../../widget/core/search/search-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { rewriteDocfxBlocks } from './docfx.ts';
import { extractFlows } from './flow-parse.ts';
import { flowOutline, renderFlow } from './flow-html.ts';
import { flowWordingIssues } from './flow-wording.ts';
import type { FrontMatter } from './front-matter.ts';
import type { Markdown } from './markdown.ts';
import { clip, htmlToText, tokensToText } from './plain-text.ts';
import { headingKey, splitSections, type SectionFacts } from './sections.ts';
import { createSlugger } from './slug.ts';
import { stripTemplateTags, stripTemplateText } from './template-tags.ts';

const SUMMARY_LENGTH = 300;
/** Characters of a section kept for its snippet (the engine's snippets are up to 180); the opening has the summary. */
const LEAD_LENGTH = 160;

export interface ArticleSource {
  /** Absolute path. */
  file: string;
  /** Path relative to the content folder, `/`-separated. */
  relative: string;
  /** Path as diagnostics print it. */
  display: string;
  /** File text with the front matter blanked out (same line numbers). */
  body: string;
  front: FrontMatter;
  id: string;
  category: string;
}

export interface CompiledArticle {
  /** Metadata without `body`, which is named after the body file's hash later. */
  meta: Omit<ArticleMeta, 'body'>;
  indexable: IndexableArticle;
  body: ArticleBody;
  /** Per section of `meta.sections`: what its role is learned from (build-time only, see section-roles.ts). */
  facts: SectionFacts[];
}

/** Markdown as the renderer sees it: template tags and DocFX blocks rewritten, lines kept. */
export function preprocessMarkdown(body: string): string {
  return rewriteDocfxBlocks(stripTemplateTags(body));
}

/** Compiles one article; problems go to `report`. */
export function compileArticle(
  source: ArticleSource,
  markdown: Markdown,
  report: (diagnostic: Diagnostic) => void,
): CompiledArticle {
  const text = preprocessMarkdown(source.body);
  const { body, flows } = extractFlows(text);
  const fail = (line: number, message: string, severity: Diagnostic['severity'] = 'error'): void =>
    report({ file: source.display, line, message, severity });
  for (const flow of flows) for (const issue of validateFlow(flowOutline(flow))) fail(issue.line, issue.message);
  for (const flow of flows) for (const issue of flowWordingIssues(flow, text)) fail(issue.line, issue.message, 'warning');
  for (const extra of flows.slice(1)) {
    fail(extra.line, 'only the first :::flow of an article is offered as a guided flow; this one shows as text only', 'warning');
  }

  const slugger = createSlugger();
  for (const flow of flows) for (const step of flow.steps) slugger.reserve(step.id);
  const tokens = markdown.lex(body);
  const firstHeading = tokens.find((token): token is Tokens.Heading => token.type === 'heading' && token.depth === 1);
  const headingTitle = firstHeading ? tokensToText(firstHeading.tokens).trim() : '';
  const title = stripTemplateText(source.front.title ?? '') || headingTitle || titleFromPath(source.relative);
  const opening = tokens.find((token) => token.type !== 'space');
  // The widget shows the title itself; a leading H1 that repeats it would be shown twice.
  const content = opening === firstHeading && headingTitle === title ? tokens.filter((token) => token !== opening) : tokens;
  const ownName = opening === firstHeading && headingTitle !== title ? headingTitle : '';

  const headings: string[] = [];
  const compiledFlows: Flow[] = [];
  const rendered = new Set<number>();
  const scope = {
    file: source.file,
    source: text,
    slugger,
    headings,
    flowSection: (index: number): string => {
      const parsed = flows[index];
      if (!parsed || rendered.has(index)) return '';
      rendered.add(index);
      const result = renderFlow(parsed, title, markdown, scope);
      compiledFlows[index] = result.flow;
      return result.html;
    },
  };
  let html = markdown.render(content, scope);
  // A placeholder swallowed by another block (e.g. lazily continued into a list) still renders.
  for (let index = 0; index < flows.length; index += 1) if (!rendered.has(index)) html += scope.flowSection(index);

  const description = stripTemplateText(source.front.description ?? '');
  const bodyText = htmlToText(html);
  const flow = compiledFlows[0];
  const sections = splitSections(html);
  const aliasesOf = sectionAliases(source.front.sectionAliases, sections, fail);
  const meta: Omit<ArticleMeta, 'body'> = {
    id: source.id,
    title,
    description,
    category: source.category,
    tags: source.front.tags.map(stripTemplateText).filter(Boolean),
    aliases: source.front.aliases.map(stripTemplateText).filter(Boolean),
    pages: source.front.pages,
    ...(source.front.updated ? { updated: source.front.updated } : {}),
    headings,
    summary: summaryOf(content) || clip(bodyText, SUMMARY_LENGTH),
    sections: sections.map((section) => ({ anchor: section.anchor, heading: section.heading, lead: section.anchor ? clip(section.text, LEAD_LENGTH) : '' })),
    hasFlow: flow !== undefined,
  };
  return {
    meta,
    indexable: {
      id: meta.id,
      title: meta.title,
      aliases: meta.aliases,
      tags: meta.tags,
      headings: meta.headings,
      // A leading H1 other than the title names the article too, often more exactly (with the
      // error text: "Error 'DNS_PROBE_FINISHED_NXDOMAIN' when accessing OneDrive"): searched
      // with the description, a field weaker than the title, and never shown in its place.
      description: ownName ? `${ownName}. ${meta.description}` : meta.description,
      body: bodyText,
      sections: sections.map((section, i) => ({ heading: section.heading, text: section.text, ...(aliasesOf[i]?.length ? { aliases: aliasesOf[i] } : {}) })),
    },
    body: flow ? { id: source.id, html, flow } : { id: source.id, html },
    facts: sections.map(({ steps, quotes, level }) => ({ steps, quotes, level })),
  };
}

/**
 * Front matter `section-aliases` matched to the article's sections by heading (or anchor): the
 * phrasings per section. A heading the article lacks fails the build at its line, as a renamed
 * heading would otherwise silently lose its phrasings.
 */
function sectionAliases(
  entries: FrontMatter['sectionAliases'],
  sections: readonly { anchor: string; heading: string }[],
  fail: (line: number, message: string) => void,
): string[][] {
  const aliases: string[][] = sections.map(() => []);
  for (const entry of entries) {
    const key = headingKey(entry.heading);
    const at = sections.findIndex((section) => section.anchor && (headingKey(section.heading) === key || section.anchor === entry.heading));
    if (at < 0) {
      const known = sections.filter((section) => section.anchor).map((section) => `"${section.heading}"`);
      fail(entry.line, `section-aliases: this article has no "${entry.heading}" heading${known.length ? ` (its ## and ### headings: ${known.join(', ')})` : ' (it has no ## or ### heading)'}`);
      continue;
    }
    aliases[at]!.push(...entry.aliases.map(stripTemplateText).filter(Boolean));
  }
  return aliases;
}

/** "accounts/reset-password.md" → "Reset password"; an index.md is named after its folder. */
export function titleFromPath(relative: string): string {
  const parts = relative.replace(/\.md$/i, '').split('/');
  let name = parts[parts.length - 1]!;
  if (name.toLowerCase() === 'index' && parts.length > 1) name = parts[parts.length - 2]!;
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** "Original KB number: 2829595", "Applies to: Windows 10": a label line, not prose. */
const METADATA_LINE = /^[^.!?:]{1,60}:[^.!?]*$/;

/** Opening prose of the article: its first paragraphs and lists, without images, code or label lines. */
function summaryOf(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'paragraph') {
      const paragraph = tokensToText((token as Tokens.Paragraph).tokens.filter((inline) => inline.type !== 'image')).trim();
      if (paragraph.length < 160 && METADATA_LINE.test(paragraph)) continue;
      text += ` ${paragraph}`;
    } else if (token.type === 'list') text += ` ${tokensToText([token])}`;
    else continue;
    if (text.length >= SUMMARY_LENGTH) break;
  }
  return clip(text, SUMMARY_LENGTH);
}

/** Id of an article without `id` front matter: its path without `.md`. */
export function idFromPath(relative: string): string {
  return relative.replace(/\.md$/i, '');
}

/** Category of an article: front matter `category`, else the first folder, else "general". */
export function categoryOf(relative: string, front: FrontMatter): string {
  if (front.category) return stripTemplateText(front.category);
  const slash = relative.indexOf('/');
  return slash < 0 ? 'general' : relative.slice(0, slash);
}
