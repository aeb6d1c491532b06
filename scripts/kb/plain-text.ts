/** Plain text out of compiled HTML and markdown tokens, for the search index and snippets. */
import type { Token, Tokens } from 'marked';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™',
  bull: '•', middot: '·', times: '×', larr: '←', rarr: '→', zwj: '', zwnj: '', shy: '',
};

/** Decodes the character references that appear in articles (named ones we know, all numeric). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED[name.toLowerCase()] ?? match;
  });
}

const DROPPED = /<(pre|script|style|template)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|table|thead|tbody|blockquote|section|dt|dd|dl|figure|figcaption|img)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;

/** Visible text of compiled HTML, with code blocks dropped and whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(DROPPED, ' ').replace(BLOCK_TAG, ' ').replace(ANY_TAG, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Visible text of inline markdown tokens (a heading, a paragraph). */
export function tokensToText(tokens: Token[] | undefined): string {
  return decodeEntities(collectText(tokens));
}

function collectText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'html':
        break;
      case 'br':
        text += ' ';
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) text += `${collectText(item.tokens)} `;
        break;
      case 'paragraph':
      case 'heading':
        text += `${collectText(token.tokens)} `;
        break;
      case 'codespan':
      case 'escape':
        text += token.text as string;
        break;
      default: {
        const generic = token as Tokens.Generic;
        text += generic.tokens ? collectText(generic.tokens) : typeof generic.text === 'string' ? generic.text : '';
      }
    }
  }
  return text;
}

/** Collapses whitespace and cuts text at a word boundary near `max` characters. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
