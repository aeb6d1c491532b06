import { describe, expect, test } from 'vitest';
import { validateFlow, type FlowOutline, type FlowOutlineStep } from '../../../widget/core/flow-validate.ts';

function makeStep(id: string, line: number, targets: string[]): FlowOutlineStep {
  return { id, line, answers: targets.map((to, n) => ({ label: `to ${to}`, to, line: line + 2 + n })) };
}

function makeFlow(overrides: Partial<FlowOutline> = {}): FlowOutline {
  return {
    line: 3,
    closed: true,
    steps: [makeStep('power', 5, ['cable', 'solved']), makeStep('cable', 10, ['solved', 'support'])],
    ...overrides,
  };
}

describe('validateFlow', () => {
  test('accepts a sound flow', () => {
    expect(validateFlow(makeFlow())).toEqual([]);
  });

  test('reports an answer pointing to an unknown step on the answer line', () => {
    const flow = makeFlow({ steps: [makeStep('power', 5, ['solved', 'reinstall'])] });
    expect(validateFlow(flow)).toEqual([{ line: 8, message: 'answer "to reinstall" points to unknown step "#reinstall"' }]);
  });

  test('reports a step no answer leads to', () => {
    const flow = makeFlow({ steps: [makeStep('power', 5, ['solved']), makeStep('orphan', 10, ['support'])] });
    expect(validateFlow(flow)).toEqual([{ line: 10, message: 'step "orphan" is unreachable: no answer leads to it' }]);
  });

  test('reports a step without answers as a dead end', () => {
    const flow = makeFlow({ steps: [makeStep('power', 5, ['wait']), makeStep('wait', 10, [])] });
    expect(validateFlow(flow)).toEqual([
      {
        line: 10,
        message: 'step "wait" has no answers (dead end): end it with a list of links to steps, #solved or #support',
      },
    ]);
  });

  test('reports every step of a loop that never reaches solved or support', () => {
    const flow = makeFlow({
      steps: [makeStep('power', 5, ['a', 'solved']), makeStep('a', 10, ['b']), makeStep('b', 15, ['a'])],
    });
    expect(validateFlow(flow)).toEqual([
      { line: 10, message: 'step "a" loops with no way out: no path from it reaches #solved or #support' },
      { line: 15, message: 'step "b" loops with no way out: no path from it reaches #solved or #support' },
    ]);
  });

  test('reports a duplicate step id with the line of the first', () => {
    const flow = makeFlow({ steps: [makeStep('power', 5, ['solved']), makeStep('power', 10, ['support'])] });
    expect(validateFlow(flow)).toEqual([{ line: 10, message: 'duplicate step id "power" (first used on line 5)' }]);
  });

  test('reports a flow without steps on the :::flow line', () => {
    expect(validateFlow(makeFlow({ steps: [] }))).toEqual([
      { line: 3, message: 'flow has no steps (each step is a "### heading" followed by its answers)' },
    ]);
  });

  test('reports an unclosed flow on the :::flow line', () => {
    expect(validateFlow(makeFlow({ closed: false }))).toEqual([
      { line: 3, message: 'unclosed :::flow (end it with a line containing only :::)' },
    ]);
  });
});
