/**
 * What each widget chunk is made of (`npx tsx scripts/dev/chunk-modules.ts [chunk-name]`):
 * builds the widget, then lists the chunk's modules, largest first, with their length as
 * rendered into the chunk (before minifying) and the gzip size of that code on its own (an upper
 * bound of what the module adds to the chunk's gzip: gzip shares repeats across modules).
 * The session budget (tests/browser/session-budget.test.ts) counts gzip bytes, so this says
 * where they go. Default chunk: panel.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { buildWidget } from '../build/build-widget.ts';

const wanted = process.argv[2] ?? 'panel';
const gz = (text: string): number => gzipSync(text, { level: 9 }).length;
const rows: string[] = [];

const report: Plugin = {
  name: 'tier0-chunk-modules',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.name !== wanted) continue;
      const total = gz(chunk.code);
      rows.push(`${chunk.fileName}: ${chunk.code.length} B, ${total} B gzip`);
      const mods = Object.entries(chunk.modules)
        .map(([id, m]) => ({ id: path.relative(process.cwd(), id), len: m.renderedLength, alone: gz(m.code ?? '') }))
        .sort((a, b) => b.alone - a.alone);
      for (const m of mods) rows.push(`${String(m.alone).padStart(6)} ${String(m.len).padStart(7)}  ${m.id}`);
    }
  },
};

await buildWidget([report]);
console.log(`gzip alone rendered  module\n${rows.join('\n')}`);
