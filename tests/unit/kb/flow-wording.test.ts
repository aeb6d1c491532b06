import { describe, expect, test } from 'vitest';
import { compileFiles, printed } from './kb-helpers.ts';

describe('flow steps that point outside themselves', () => {
  test('warn, with the line, when a step says its instructions are below or above the guide', async () => {
    const files = {
      'a.md': [
        '# A',
        '',
        ':::flow Fix it',
        '### Open the queue {#queue}',
        '',
        'Open the queue (steps for your computer are below this guide), then cancel stuck jobs.',
        '',
        '- [Done](#solved)',
        '- [Not done](#other)',
        '',
        '### Other {#other}',
        '',
        'See above for the settings.',
        '',
        '- [Done](#solved)',
        ':::',
        '',
      ].join('\n'),
    };
    const result = await compileFiles(files, { outDir: null });
    expect(printed(result, result.contentDir)).toEqual([
      'a.md:6: warning: step "queue" says "are below this guide", but the chat shows a step on its own — put the instructions in the step, or link the article\'s section',
      'a.md:13: warning: step "other" says "See above", but the chat shows a step on its own — put the instructions in the step, or link the article\'s section',
    ]);
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  test('say nothing about steps that stand on their own, or about "below" elsewhere', async () => {
    const files = {
      'a.md': '# A\n\nSteps for Windows are below.\n\n:::flow Fix\n### Is the light below the screen green? {#light}\n\nLook at the light below the screen.\n\n- [Yes](#solved)\n:::\n',
    };
    const result = await compileFiles(files, { outDir: null });
    expect(result.diagnostics).toEqual([]);
  });
});

test('no step of the shipped KB points at text outside it', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const { extractFlows } = await import('../../../scripts/kb/flow-parse.ts');
  const { flowWordingIssues } = await import('../../../scripts/kb/flow-wording.ts');
  const files = (await readdir('kb-content', { recursive: true })).filter((f) => f.endsWith('.md'));
  expect(files.length).toBeGreaterThan(40);
  const issues: string[] = [];
  for (const file of files) {
    const text = await readFile(`kb-content/${file}`, 'utf8');
    for (const flow of extractFlows(text).flows) for (const issue of flowWordingIssues(flow, text)) issues.push(`${file}:${issue.line}`);
  }
  expect(issues).toEqual([]);
});
