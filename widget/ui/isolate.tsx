/**
 * Text of unknown direction inside a localized sentence: an English article title in an Arabic
 * "Articles about {category}:" must keep its own direction and not reorder the sentence around
 * it ("?Is the printer on"). Each value goes in a <bdi>, which isolates it and picks its direction
 * from its own first strong character, as `dir="auto"` does for a whole element.
 */
import type { ComponentChildren } from 'preact';

/** `format()` for the view: fills `{name}` placeholders, each value isolated in a <bdi>. */
export function formatIsolated(template: string, values: Record<string, string | number>): ComponentChildren[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key !== undefined && key in values ? <bdi key={i}>{String(values[key])}</bdi> : part;
  });
}
