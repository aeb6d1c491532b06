import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../scripts/cli.ts';
import { captureConsole, makeTempDir } from './kb-helpers.ts';
import { evalKbRoot } from '../../../scripts/bench/eval/eval-kb-root.ts';

// Real-world knowledge bases (DocFX, Eleventy/Liquid) from /work/shared/eval-kb: they must build.
const EVAL_KB = evalKbRoot();

describe('eval corpora', () => {
  test.each(['gsa-tts-handbook', 'microsoft-officedocs-support', 'microsoft-supportarticles-windows'])(
    'builds %s without errors',
    async (corpus) => {
      const out = path.join(makeTempDir(), 'kb');
      const { value, out: stdout, err } = await captureConsole(() => main(['build', '--content', path.join(EVAL_KB, corpus), '--out', out]));
      expect(err.filter((line) => !line.includes(': warning: '))).toEqual([]);
      expect(value).toBe(0);
      expect(stdout[0]).toMatch(/^tier0: built \d+ articles/);
    },
    60_000,
  );
});
