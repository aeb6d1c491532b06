/** Renders a search snippet as text, matched terms in <mark> (never as HTML). */
import type { SnippetPart } from '../core/search/search-types.ts';

/** A snippet paragraph. */
export function Snippet({ parts, class: cls }: { parts: SnippetPart[]; class?: string }) {
  if (!parts.length) return null;
  return (
    <p class={cls ?? 't0-snippet'} dir="auto">
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
