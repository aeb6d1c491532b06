/**
 * DocFX block syntax (Microsoft Learn knowledge bases), rewritten to plain markdown line for
 * line so diagnostics keep their line numbers: `:::image …:::` becomes an ordinary image,
 * layout blocks (`:::moniker`, `:::row`, `:::column`, `:::zone`, …) disappear and leave their
 * inner content. `:::flow` blocks are Tier0's own and are left for the flow parser.
 * (`[!INCLUDE]`, `[!NOTE]`, `[!div]` and `[!VIDEO]` are markdown extensions, see markdown.ts.)
 */
import { createFenceTracker } from './fences.ts';

const IMAGE = /:::image\s+((?:[^:]|:(?!::))*):::/g;
const NO_LOC = /:::no-loc\s+text="([^"]*)":::/g;
const LAYOUT = /^\s*:::\s*(?!flow\b)[a-z][\w-]*/i;
const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;

/** Rewrites DocFX `:::` syntax in a markdown body to plain markdown, keeping line numbers. */
export function rewriteDocfxBlocks(source: string): string {
  if (!source.includes(':::')) return source;
  const fences = createFenceTracker();
  return source
    .split('\n')
    .map((line) => {
      if (fences.isCode(line) || !line.includes(':::')) return line;
      const rewritten = line.replace(IMAGE, (_match, attributes: string) => imageMarkdown(attributes)).replace(NO_LOC, '$1');
      return LAYOUT.test(rewritten) ? '' : rewritten;
    })
    .join('\n');
}

function imageMarkdown(attributes: string): string {
  const values = new Map<string, string>();
  for (const match of attributes.matchAll(ATTRIBUTE)) values.set(match[1]!.toLowerCase(), match[2]!);
  const source = values.get('source');
  if (!source) return '';
  const alt = (values.get('alt-text') ?? '').replace(/[[\]\\]/g, '\\$&');
  return `![${alt}](<${source.replace(/[<>]/g, '')}>)`;
}
