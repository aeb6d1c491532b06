/** Snippets: the best short text of an article for a query, with the matched words marked. */
import type { ArticleMeta, ArticleSection } from '../kb-format.ts';
import type { SnippetPart } from './search-types.ts';
import { matchPhrase, type SynonymTable } from './synonyms.ts';
import { splitWords, stem, type Word } from './text.ts';

/** A candidate snippet text, analysed (word offsets and stems) on first use and then kept. */
export interface SnippetSource {
  text: string;
  analysis?: { words: Word[]; stems: string[]; partStems: string[][] };
}

interface Span {
  start: number;
  end: number;
}

/** Snippet candidates of an article, analysed lazily. */
export interface SnippetSources {
  /** Description and summary. */
  opening: SnippetSource[];
  headings: SnippetSource[];
}

const nonBlank = (texts: readonly string[]): SnippetSource[] => texts.filter((text) => text && text.trim()).map((text) => ({ text }));

/**
 * Snippet candidates of an article: description and summary first, then headings; or, for a hit
 * on one of its sections, that section's text alone (the result opens there).
 */
export function snippetSources(article: ArticleMeta, section?: ArticleSection): SnippetSources {
  if (section?.lead) return { opening: [{ text: section.lead }], headings: [] };
  return { opening: nonBlank([article.description, article.summary]), headings: nonBlank(article.headings) };
}

function analyse(source: SnippetSource): NonNullable<SnippetSource['analysis']> {
  if (!source.analysis) {
    const words = splitWords(source.text);
    source.analysis = { words, stems: words.map((word) => stem(word.folded)), partStems: words.map((word) => word.parts.map(stem)) };
  }
  return source.analysis;
}

/** Spans of a source whose words (or synonym phrases) are among the matched index terms. */
function matchedSpans(source: SnippetSource, matched: ReadonlySet<string>, table: SynonymTable): { spans: Span[]; distinct: number } {
  const { words, stems, partStems } = analyse(source);
  const spans: Span[] = [];
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const phrase = matchPhrase(stems, i, table);
    if (phrase && matched.has(phrase.token)) {
      spans.push({ start: words[i]!.start, end: words[i + phrase.stems.length - 1]!.end });
      found.add(phrase.token);
      i += phrase.stems.length - 1;
      continue;
    }
    const hit = matched.has(stems[i]!) ? stems[i]! : partStems[i]!.find((term) => matched.has(term));
    if (hit) {
      spans.push({ start: words[i]!.start, end: words[i]!.end });
      found.add(hit);
    }
  }
  return { spans, distinct: found.size };
}

/** Cuts `text` to about `length` characters around the first span, on word boundaries. */
function window(text: string, spans: Span[], length: number): Span {
  if (text.length <= length) return { start: 0, end: text.length };
  const first = spans[0]?.start ?? 0;
  let start = first > length / 2 ? first - Math.floor(length / 4) : 0;
  while (start > 0 && /\S/.test(text[start - 1]!)) start--;
  let end = Math.min(text.length, start + length);
  while (end < text.length && /\S/.test(text[end]!)) end++;
  return { start, end };
}

/**
 * Snippet for a hit: the description or the summary, whichever has more distinct matched terms,
 * or else the heading with the most; cut around the first match. Headings are only read when the
 * opening texts match nothing, which keeps snippets cheap enough to rebuild on every keystroke.
 * Marks are plain text pieces, never HTML.
 */
export function buildSnippet(sources: SnippetSources, matched: ReadonlySet<string>, table: SynonymTable, length: number): SnippetPart[] {
  let best: { source: SnippetSource; spans: Span[]; distinct: number } | undefined;
  const consider = (candidates: readonly SnippetSource[]) => {
    for (const source of candidates) {
      const { spans, distinct } = matchedSpans(source, matched, table);
      if (!best || distinct > best.distinct) best = { source, spans, distinct };
    }
  };
  consider(sources.opening);
  if (!best?.distinct) consider(sources.headings);
  if (best && !best.distinct && sources.opening[0]) best = { source: sources.opening[0], spans: [], distinct: 0 };
  if (!best) return [];
  const { text } = best.source;
  const cut = window(text, best.spans, length);
  const parts: SnippetPart[] = [];
  const push = (piece: string, mark: boolean) => {
    if (!piece) return;
    const previous = parts[parts.length - 1];
    if (previous && previous.mark === mark) previous.text += piece;
    else parts.push({ text: piece, mark });
  };
  if (cut.start > 0) push('…', false);
  let at = cut.start;
  for (const span of best.spans) {
    if (span.start < cut.start || span.end > cut.end) continue;
    // Words separated only by spaces read as one match: "[printer offline]".
    const gap = text.slice(at, span.start);
    push(gap, !gap.trim() && parts[parts.length - 1]?.mark === true);
    push(text.slice(span.start, span.end), true);
    at = span.end;
  }
  push(text.slice(at, cut.end), false);
  if (cut.end < text.length) push('…', false);
  return parts;
}
