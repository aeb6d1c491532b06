/** Snippets: the best short text of an article for a query, with the matched words marked. */
import type { ArticleMeta } from '../kb-format.ts';
import type { SnippetPart } from './search-types.ts';
import { matchPhrase, type SynonymTable } from './synonyms.ts';
import { splitWords, stem, type Word } from './text.ts';

/** A candidate snippet text, analysed once (word offsets and stems) and reused across queries. */
export interface SnippetSource {
  text: string;
  words: Word[];
  stems: string[];
  /** Stems of the pieces of hyphenated words, by word index. */
  partStems: string[][];
}

interface Span {
  start: number;
  end: number;
}

/** Snippet candidates of an article, best first on ties: description, summary, then headings. */
export function snippetSources(article: ArticleMeta): SnippetSource[] {
  return [article.description, article.summary, ...article.headings]
    .filter((text) => text && text.trim())
    .map((text) => {
      const words = splitWords(text);
      return { text, words, stems: words.map((word) => stem(word.folded)), partStems: words.map((word) => word.parts.map(stem)) };
    });
}

/** Spans of a source whose words (or synonym phrases) are among the matched index terms. */
function matchedSpans(source: SnippetSource, matched: ReadonlySet<string>, table: SynonymTable): { spans: Span[]; distinct: number } {
  const { words, stems, partStems } = source;
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
 * Snippet for a hit: the candidate text with the most distinct matched terms, cut around the
 * first match. Marks are plain text pieces, never HTML.
 */
export function buildSnippet(sources: readonly SnippetSource[], matched: ReadonlySet<string>, table: SynonymTable, length: number): SnippetPart[] {
  let best: { source: SnippetSource; spans: Span[]; distinct: number } | undefined;
  for (const source of sources) {
    const { spans, distinct } = matchedSpans(source, matched, table);
    if (!best || distinct > best.distinct) best = { source, spans, distinct };
  }
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
