/**
 * Liquid / Nunjucks template syntax (Jekyll, Eleventy knowledge bases): `{% tag %}` and
 * `{{ expression }}` mean nothing outside the original site, so they are removed before
 * markdown is parsed, keeping every line where it was so diagnostics keep their line numbers.
 * A few tags carry content worth keeping: `{% raw %}` (its text), `{% image %}` (an image),
 * `{% page %}` / `{% link %}` (a link target) and `{% slack_channel %}` (the channel name).
 * Code blocks and code spans are left alone: they often show template syntax on purpose.
 */

import { createFenceTracker } from './fences.ts';

/** Scheme of link targets made from `{% page "/url/" %}`; the link renderer resolves them. */
export const PAGE_LINK_PREFIX = 'tier0-page:';

const TAG = /(`+)[^`]*?\1|\{%-?\s*(\w+)((?:[^%]|%(?!\}))*?)-?%\}|\{\{(?:[^}]|\}(?!\}))*\}\}/g;

type Mode = 'normal' | 'raw' | 'comment';

/** Removes template tags from a markdown body, line for line. */
export function stripTemplateTags(source: string): string {
  if (!source.includes('{%') && !source.includes('{{')) return source;
  const lines = source.split('\n');
  let mode: Mode = 'normal';
  const fences = createFenceTracker();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (mode === 'normal' && fences.isCode(line)) continue;
    const result = stripLine(line, mode);
    lines[index] = result.text;
    mode = result.mode;
  }
  return lines.join('\n');
}

/** Removes template tags from one-line text such as a title or description. */
export function stripTemplateText(text: string): string {
  if (!text.includes('{%') && !text.includes('{{')) return text;
  return stripLine(text, 'normal').text.replace(/\s+/g, ' ').trim();
}

function stripLine(line: string, startMode: Mode): { text: string; mode: Mode } {
  let mode = startMode;
  let out = '';
  let rest = line;
  for (;;) {
    if (mode !== 'normal') {
      const end = new RegExp(`\\{%-?\\s*end${mode}\\s*-?%\\}`).exec(rest);
      if (!end) {
        if (mode === 'raw') out += rest;
        return { text: out, mode };
      }
      if (mode === 'raw') out += rest.slice(0, end.index);
      rest = rest.slice(end.index + end[0].length);
      if (mode === 'comment' && / $/.test(out) && rest.startsWith(' ')) rest = rest.slice(1);
      mode = 'normal';
      continue;
    }
    TAG.lastIndex = 0;
    let opened: Mode | null = null;
    let consumed = 0;
    for (let match = TAG.exec(rest); match; match = TAG.exec(rest)) {
      out += rest.slice(consumed, match.index);
      consumed = match.index + match[0].length;
      if (match[1] !== undefined) {
        out += match[0];
        continue;
      }
      const name = match[2];
      if (name === 'raw' || name === 'comment') {
        opened = name;
        break;
      }
      const replacement = name ? replaceTag(name, match[3] ?? '', out) : '';
      // "Welcome to {{ site.name }} support" should not leave a double space behind.
      if (replacement === '' && / $/.test(out) && rest[consumed] === ' ') consumed += 1;
      out += replacement;
    }
    rest = rest.slice(consumed);
    if (opened === null) return { text: out + rest, mode };
    mode = opened;
  }
}

function replaceTag(name: string, args: string, before: string): string {
  const values = [...args.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
  const inLinkTarget = /\]\(\s*$/.test(before);
  switch (name) {
    case 'image':
      return values[0] ? `![${values[1] ?? ''}](${values[0]})` : '';
    case 'image_with_class':
      return values[0] ? `![${values[2] ?? ''}](${values[0]})` : '';
    case 'page':
      return inLinkTarget && values[0] ? `${PAGE_LINK_PREFIX}${values[0]}` : '';
    case 'link':
      return values[0] ?? '';
    case 'slack_channel':
      return values[0] ? `#${values[0]}` : '';
    default:
      return '';
  }
}
