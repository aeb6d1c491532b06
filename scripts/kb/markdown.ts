/**
 * The one markdown renderer of the compiler: marked (CommonMark + GFM) with Tier0's rules for
 * headings (ids), links (articles open in the widget), images (copied into the bundle),
 * alerts (callouts) and DocFX `[!INCLUDE]`, `[!div]`, `[!VIDEO]`.
 *
 * marked renders synchronously, so the article being rendered is held in `scope` for the
 * duration of one `render` call; includes render re-entrantly with their own scope.
 */
import path from 'node:path';
import { Marked, type RendererThis, type Token, type Tokens } from 'marked';
import type { Diagnostic } from './diagnostics.ts';
import { classifyTarget } from './links.ts';
import { decodeEntities, tokensToText } from './plain-text.ts';
import type { Slugger } from './slug.ts';

/** What the renderer needs to know about the rest of the knowledge base. */
export interface MarkdownEnv {
  /** Article id of an `.md` file (absolute path); 'draft' when it is left out as a draft. */
  articleAt(file: string): string | 'draft' | undefined;
  /** Article id for a URL of the original website (`{% page "/tools/slack/" %}`). */
  articleForUrl(url: string): string | undefined;
  /** Bundle-relative URL of a copied image (absolute path); undefined when the file is missing. */
  imageAt(file: string): string | undefined;
  /** Markdown of an include file, already preprocessed; undefined when it does not exist. */
  includeAt(file: string): string | undefined;
  /** Path of a file as diagnostics print it. */
  displayPath(file: string): string;
  report(diagnostic: Diagnostic): void;
}

/**
 * Severity of a broken article link or a missing image, the same in `tier0 check` and `tier0
 * build`: the article still renders (the link keeps its text, the image its alt text), and real
 * knowledge bases copied in part have hundreds of them, so they warn; `--strict` makes them errors.
 */
const BROKEN_SEVERITY = 'warning' as const;

/** One piece of markdown being rendered, and what it collects. */
export interface RenderScope {
  /** Absolute path of the file the markdown comes from (relative links resolve against it). */
  file: string;
  /** Full text of that file, for line numbers. */
  source: string;
  /** Offset in `source` where the rendered markdown starts. */
  offset?: number;
  slugger: Slugger;
  /** H2/H3 texts, in order. */
  headings: string[];
  /** Include files being rendered around this one, to stop cycles. */
  includeChain?: string[];
  /** HTML for the flow placeholder number `index` (see flow-parse.ts), rendered in its place. */
  flowSection?: (index: number) => string;
}

export interface Markdown {
  lex(markdown: string): Token[];
  render(tokens: Token[], scope: RenderScope): string;
  renderInline(markdown: string, scope: RenderScope): string;
}

const ALERT_TITLES: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};
const ALERT_MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)?/i;
const DIV_MARKER = /^\[!div\s+class="([^"]*)"\][ \t]*(?:\n|$)?/i;
const VIDEO_MARKER = /^\[!video\s+(\S+?)\]\s*$/i;
const INCLUDE_BLOCK = /^ {0,3}\[!INCLUDE\s*\[[^\]\n]*\]\(\s*<?([^)>\n]+?)>?\s*\)\s*\][ \t]*(?:\n|$)/i;
const INCLUDE_INLINE = /^\[!INCLUDE\s*\[[^\]\n]*\]\(\s*<?([^)>\n]+?)>?\s*\)\s*\]/i;
const HEADING_ID = /\s*\{#([^}\s]+)\}\s*$/;
const RAW_IMAGE = /<img\b[^>]*>/gi;
const FLOW_PLACEHOLDER = /^<!--tier0-flow:(\d+)-->\s*$/;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface State {
  scope: RenderScope;
  cursor: number;
  lineStarts?: number[];
}

/** Creates the renderer; one per compile, shared by every article. */
export function createMarkdown(env: MarkdownEnv): Markdown {
  let state: State | null = null;
  // marked calls `start` for every paragraph with the rest of the document; scanning that for
  // "[!INCLUDE" each time is quadratic, so lex() notes once whether the text has any.
  let mayInclude = false;
  const marked = new Marked({ gfm: true });

  const current = (): State => {
    if (!state) throw new Error('tier0: markdown rendered outside of a render scope');
    return state;
  };

  /** Line of `raw` in the current file, searching forward so repeated links get their own lines. */
  const lineOf = (raw: string): number => {
    const s = current();
    const source = s.scope.source;
    let at = source.indexOf(raw, s.cursor);
    if (at < 0) at = source.indexOf(raw);
    if (at < 0) at = s.cursor;
    else s.cursor = at + 1;
    s.lineStarts ??= lineStartsOf(source);
    return lineAtOffset(s.lineStarts, at);
  };

  const report = (raw: string, message: string, severity: Diagnostic['severity']): void => {
    const s = current();
    env.report({ file: env.displayPath(s.scope.file), line: lineOf(raw), message, severity });
  };

  const resolve = (relative: string): string => path.resolve(path.dirname(current().scope.file), relative);

  const articleLink = (id: string, anchor: string | undefined, title: string | null | undefined, inner: string): string =>
    `<a href="#tier0:article/${escapeHtml(id)}" data-tier0-article="${escapeHtml(id)}"${
      anchor ? ` data-tier0-anchor="${escapeHtml(anchor)}"` : ''
    }${titleAttribute(title)}>${inner}</a>`;

  const renderLink = (token: Tokens.Link, inner: string): string => {
    const target = classifyTarget(token.href);
    switch (target.kind) {
      case 'anchor':
      case 'contact':
        return `<a href="${escapeHtml(target.href)}"${titleAttribute(token.title)}>${inner}</a>`;
      case 'external':
        return `<a href="${escapeHtml(target.href)}"${titleAttribute(token.title)} target="_blank" rel="noopener noreferrer">${inner}</a>`;
      case 'page': {
        const id = env.articleForUrl(target.url);
        if (id) return articleLink(id, target.anchor, token.title, inner);
        report(token.raw, `link to site page "${target.url}" matches no article; kept its text only`, 'warning');
        return inner;
      }
      case 'site':
        report(token.raw, `link to "${target.href}" points outside the knowledge base; kept its text only`, 'warning');
        return inner;
      case 'unsupported':
        report(token.raw, `link "${target.href}" uses an unsupported scheme; kept its text only`, 'warning');
        return inner;
      case 'relative': {
        if (target.path === '') return `<a href="#${escapeHtml(target.anchor ?? '')}">${inner}</a>`;
        const file = resolve(target.path);
        const isMarkdown = /\.md$/i.test(target.path);
        // Static-site links point at pretty URLs ("guidelines/"), relative to the page's own
        // folder-like URL (slack.md is served as /slack/), so try both readings.
        const current = state!.scope.file;
        const asFolder = path.resolve(current.replace(/\.md$/i, ''), target.path);
        const candidates = isMarkdown
          ? [file]
          : [`${file}.md`, path.join(file, 'index.md'), `${asFolder}.md`, path.join(asFolder, 'index.md')];
        for (const candidate of candidates) {
          const id = env.articleAt(candidate);
          if (id === 'draft') {
            report(token.raw, `broken link: "${token.href}" is a draft article`, BROKEN_SEVERITY);
            return inner;
          }
          if (id) return articleLink(id, target.anchor, token.title, inner);
        }
        if (isMarkdown) report(token.raw, `broken link: "${token.href}" matches no article`, BROKEN_SEVERITY);
        else report(token.raw, `link to "${token.href}" is not an article; kept its text only`, 'warning');
        return inner;
      }
    }
  };

  const renderImage = (token: Tokens.Image, alt: string): string => {
    const target = classifyTarget(token.href);
    const altText = escapeHtml(alt);
    if (target.kind === 'external') {
      return `<img src="${escapeHtml(target.href)}" alt="${altText}"${titleAttribute(token.title)} loading="lazy">`;
    }
    if (target.kind !== 'relative' || target.path === '') {
      report(token.raw, `image "${token.href}" is not a file in the knowledge base; kept its alt text only`, 'warning');
      return altText;
    }
    const url = env.imageAt(resolve(target.path));
    if (url) return `<img src="${escapeHtml(url)}" alt="${altText}"${titleAttribute(token.title)} loading="lazy">`;
    report(token.raw, `missing image: "${token.href}"`, BROKEN_SEVERITY);
    return altText;
  };

  /** An `<img>` written as raw HTML gets the same treatment as a markdown image. */
  const rewriteRawImage = (tag: string): string => {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const href = src ? (src[1] ?? src[2] ?? '') : '';
    const target = classifyTarget(href);
    if (!src || target.kind !== 'relative' || target.path === '') return tag;
    const url = env.imageAt(resolve(target.path));
    if (url) return tag.replace(src[0], ` src="${escapeHtml(url)}"`);
    report(tag, `missing image: "${href}"`, BROKEN_SEVERITY);
    const alt = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    return alt ? escapeHtml(decodeEntities(alt[1] ?? alt[2] ?? '')) : '';
  };

  const renderInclude = (raw: string, target: string): string => {
    const s = current();
    const file = resolve(target.trim());
    const chain = s.scope.includeChain ?? [];
    if (file === s.scope.file || chain.includes(file)) {
      report(raw, `include cycle: "${target}" includes itself; skipped`, 'warning');
      return '';
    }
    const markdown = env.includeAt(file);
    if (markdown === undefined) {
      report(raw, `missing include: "${target}"; skipped`, 'warning');
      return '';
    }
    return render(lex(markdown), {
      ...s.scope,
      file,
      source: markdown,
      offset: 0,
      includeChain: [...chain, s.scope.file],
    });
  };

  /** Renders a blockquote that starts with `[!NOTE]`, `[!div …]` or `[!VIDEO …]`; undefined for a plain one. */
  const renderMarkedQuote = (parser: RendererThis['parser'], token: Tokens.Blockquote): string | undefined => {
    const first = token.tokens[0];
    if (first?.type !== 'paragraph') return undefined;
    const paragraph = first as Tokens.Paragraph;
    const video = VIDEO_MARKER.exec(paragraph.text.trim());
    if (video) {
      const href = escapeHtml(video[1]!);
      return `<p class="t0-video"><a href="${href}" target="_blank" rel="noopener noreferrer">Watch the video</a></p>\n${parser.parse(token.tokens.slice(1))}`;
    }
    const alert = stripMarker(paragraph, ALERT_MARKER);
    if (alert) {
      const kind = alert[1]!.toLowerCase();
      const body = parser.parse(withoutEmptyFirst(token.tokens, paragraph));
      return `<div class="t0-callout t0-callout-${kind}" role="note"><p class="t0-callout-title">${ALERT_TITLES[kind]}</p>\n${body}</div>\n`;
    }
    const div = stripMarker(paragraph, DIV_MARKER);
    if (div) {
      const className = /nextstepaction/i.test(div[1]!) ? ' class="t0-next-step"' : '';
      return `<div${className}>\n${parser.parse(withoutEmptyFirst(token.tokens, paragraph))}</div>\n`;
    }
    return undefined;
  };

  marked.use({
    extensions: [
      {
        name: 'tier0IncludeBlock',
        level: 'block',
        start: (src) => (mayInclude ? src.match(/^ {0,3}\[!INCLUDE/im)?.index : undefined),
        tokenizer(src) {
          const match = INCLUDE_BLOCK.exec(src);
          return match ? { type: 'tier0IncludeBlock', raw: match[0], target: match[1] } : undefined;
        },
        renderer: (token) => renderInclude(token.raw, token.target as string),
      },
      {
        name: 'tier0IncludeInline',
        level: 'inline',
        start: (src) => (mayInclude ? src.match(/\[!INCLUDE/i)?.index : undefined),
        tokenizer(src) {
          const match = INCLUDE_INLINE.exec(src);
          return match ? { type: 'tier0IncludeInline', raw: match[0], target: match[1] } : undefined;
        },
        renderer: (token) => {
          const html = renderInclude(token.raw, token.target as string).trim();
          const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
          return single && !single[1]!.includes('<p>') ? single[1]! : html;
        },
      },
    ],
    renderer: {
      heading(token) {
        const explicit = takeHeadingId(token);
        const text = tokensToText(token.tokens).trim();
        const scope = current().scope;
        const id = explicit ?? scope.slugger.slug(text);
        if (explicit) scope.slugger.reserve(explicit);
        if (token.depth === 2 || token.depth === 3) scope.headings.push(text);
        return `<h${token.depth} id="${escapeHtml(id)}">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      link(token) {
        return renderLink(token, this.parser.parseInline(token.tokens));
      },
      image(token) {
        return renderImage(token, tokensToText(token.tokens) || token.text);
      },
      blockquote(token) {
        return renderMarkedQuote(this.parser, token) ?? false;
      },
      html(token) {
        const placeholder = FLOW_PLACEHOLDER.exec(token.text);
        const section = current().scope.flowSection;
        if (placeholder && section) return section(Number(placeholder[1]));
        return /<img\b/i.test(token.text) ? token.text.replace(RAW_IMAGE, rewriteRawImage) : false;
      },
    },
  });

  const lex = (markdown: string): Token[] => {
    mayInclude = /\[!include/i.test(markdown);
    return marked.lexer(markdown);
  };

  const render = (tokens: Token[], scope: RenderScope): string => {
    const previous = state;
    state = { scope, cursor: scope.offset ?? 0 };
    try {
      return marked.parser(tokens);
    } finally {
      state = previous;
    }
  };

  const renderInline = (markdown: string, scope: RenderScope): string => {
    const previous = state;
    state = { scope, cursor: scope.offset ?? 0 };
    try {
      return marked.parseInline(markdown, { async: false });
    } finally {
      state = previous;
    }
  };

  return { lex, render, renderInline };
}

function titleAttribute(title: string | null | undefined): string {
  return title ? ` title="${escapeHtml(title)}"` : '';
}

/** Removes a leading `[!…]` marker from a paragraph's first text token; returns the match. */
function stripMarker(paragraph: Tokens.Paragraph, marker: RegExp): RegExpExecArray | null {
  const first = paragraph.tokens[0];
  if (first?.type !== 'text') return null;
  const text = first as Tokens.Text;
  const match = marker.exec(text.text);
  if (!match) return null;
  text.text = text.text.slice(match[0].length).replace(/^\s+/, '');
  text.raw = text.text;
  if (text.tokens) text.tokens = undefined;
  if (text.text === '') paragraph.tokens.shift();
  return match;
}

function withoutEmptyFirst(tokens: Token[], paragraph: Tokens.Paragraph): Token[] {
  return paragraph.tokens.length === 0 ? tokens.filter((token) => token !== paragraph) : tokens;
}

/** Takes a trailing `{#custom-id}` off a heading; returns the id. */
function takeHeadingId(token: Tokens.Heading): string | undefined {
  const match = HEADING_ID.exec(token.text);
  if (!match) return undefined;
  const last = token.tokens[token.tokens.length - 1];
  if (last?.type === 'text') {
    const text = last as Tokens.Text;
    text.text = text.text.replace(HEADING_ID, '');
    text.raw = text.raw.replace(HEADING_ID, '');
    if (text.tokens) text.tokens = undefined;
  }
  return match[1];
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function lineAtOffset(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
