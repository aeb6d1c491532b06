import { describe, expect, test } from 'vitest';
import { extractFlows, flowPlaceholder } from '../../../scripts/kb/flow-parse.ts';

const ARTICLE = [
  '# Printer offline', //                     1
  '', //                                       2
  ':::flow Fix it step by step', //           3
  '', //                                       4
  'Answer a few questions.', //               5
  '', //                                       6
  '### Is the printer switched on? {#power}', // 7
  '', //                                       8
  'Look for a **light**.', //                 9
  '', //                                      10
  '- [Yes, the light is on](#cable)', //     11
  '- [No](#turn-on)', //                     12
  '', //                                      13
  '### Turn the *printer* on', //            14
  '', //                                      15
  '```', //                                   16
  '### not a step', //                        17
  ':::', //                                   18
  '```', //                                   19
  '', //                                      20
  '- [It prints now](#Solved)', //           21
  '', //                                      22
  '- [Still offline](#support)', //          23
  '', //                                      24
  ':::', //                                   25
  '', //                                      26
  'After the flow.', //                      27
].join('\n');

describe('extractFlows', () => {
  test('parses steps, ids, bodies and answers with their lines', () => {
    const { flows } = extractFlows(ARTICLE);
    expect(flows).toHaveLength(1);
    const [flow] = flows;
    expect(flow).toMatchObject({ title: 'Fix it step by step', line: 3, closed: true, intro: '\nAnswer a few questions.\n' });
    expect(flow!.steps.map((step) => ({ id: step.id, heading: step.heading, line: step.line }))).toEqual([
      { id: 'power', heading: 'Is the printer switched on?', line: 7 },
      { id: 'turn-the-printer-on', heading: 'Turn the *printer* on', line: 14 },
    ]);
    expect(flow!.steps[0]!.answers).toEqual([
      { label: 'Yes, the light is on', to: 'cable', line: 11 },
      { label: 'No', to: 'turn-on', line: 12 },
    ]);
    expect(flow!.steps[0]!.body.trim()).toBe('Look for a **light**.');
  });

  test('ignores headings and ::: inside code blocks and normalises #Solved', () => {
    const step = extractFlows(ARTICLE).flows[0]!.steps[1]!;
    expect(step.body).toContain('### not a step');
    expect(step.answers).toEqual([
      { label: 'It prints now', to: 'solved', line: 21 },
      { label: 'Still offline', to: 'support', line: 23 },
    ]);
  });

  test('leaves a placeholder and keeps the line count of the article', () => {
    const { body } = extractFlows(ARTICLE);
    const lines = body.split('\n');
    expect(lines).toHaveLength(27);
    expect(lines[2]).toBe(flowPlaceholder(0));
    expect(lines.slice(3, 25).every((line) => line === '')).toBe(true);
    expect(lines[26]).toBe('After the flow.');
  });

  test('marks a flow without a closing ::: as unclosed', () => {
    const { flows } = extractFlows(':::flow Open\n### Step\n- [Done](#solved)\n');
    expect(flows[0]).toMatchObject({ closed: false, line: 1 });
    expect(flows[0]!.steps[0]!.answers).toHaveLength(1);
  });

  test('does not take a list followed by text as answers', () => {
    const { flows } = extractFlows(':::flow\n### Step\n- [Go](#other)\n\nMore text.\n:::');
    expect(flows[0]!.steps[0]!.answers).toEqual([]);
  });
});
