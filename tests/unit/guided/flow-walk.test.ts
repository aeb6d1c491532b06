import { describe, expect, test } from 'vitest';
import type { Flow, FlowStep } from '../../../widget/core/flow-types.ts';
import {
  answerFlow,
  backFlow,
  currentStep,
  flowPathText,
  MAX_FLOW_ANSWERS,
  startFlow,
} from '../../../widget/core/flow-walk.ts';

function makeStep(overrides: Partial<FlowStep> & { id: string }): FlowStep {
  return { title: `Step ${overrides.id}?`, html: '<p>Look.</p>', answers: [], ...overrides };
}

function makeFlow(overrides: Partial<Flow> = {}): Flow {
  return {
    title: 'Fix the printer',
    start: 'power',
    steps: {
      power: makeStep({
        id: 'power',
        title: 'Is the printer on?',
        answers: [{ label: 'Yes', to: 'cable' }, { label: 'No', to: 'turn-on' }],
      }),
      'turn-on': makeStep({
        id: 'turn-on',
        title: 'Turn it on',
        answers: [{ label: 'It prints now', to: 'solved' }, { label: 'Still offline', to: 'cable' }],
      }),
      cable: makeStep({
        id: 'cable',
        title: 'Check the cable',
        answers: [{ label: 'Fixed', to: 'solved' }, { label: 'Still offline', to: 'support' }, { label: 'Start over', to: 'power' }],
      }),
    },
    ...overrides,
  };
}

describe('walking a flow', () => {
  test('starts at the flow’s start step with an empty path', () => {
    const flow = makeFlow();
    const walk = startFlow(flow);
    expect(walk).toEqual({ status: 'step', current: 'power', path: [] });
    expect(currentStep(flow, walk)?.title).toBe('Is the printer on?');
  });

  test('an answer leads to its target step and records the question and the answer', () => {
    const flow = makeFlow();
    const walk = answerFlow(flow, startFlow(flow), 'power', 1);
    expect(walk.status).toBe('step');
    expect(walk.current).toBe('turn-on');
    expect(walk.path).toEqual([{ stepId: 'power', step: 'Is the printer on?', answer: 'No' }]);
  });

  test('an answer to #solved ends the walk as solved, keeping the path', () => {
    const flow = makeFlow();
    let walk = answerFlow(flow, startFlow(flow), 'power', 1);
    walk = answerFlow(flow, walk, 'turn-on', 0);
    expect(walk.status).toBe('solved');
    expect(walk.problem).toBeUndefined();
    expect(flowPathText(walk.path)).toEqual(['Is the printer on? → No', 'Turn it on → It prints now']);
    expect(currentStep(flow, walk)).toBeUndefined();
  });

  test('an answer to #support ends the walk as support without a flow problem', () => {
    const flow = makeFlow();
    let walk = answerFlow(flow, startFlow(flow), 'power', 0);
    walk = answerFlow(flow, walk, 'cable', 1);
    expect(walk.status).toBe('support');
    expect(walk.problem).toBeUndefined();
    expect(flowPathText(walk.path)).toEqual(['Is the printer on? → Yes', 'Check the cable → Still offline']);
  });

  test('back undoes the last answer and returns to the step it answered', () => {
    const flow = makeFlow();
    const first = answerFlow(flow, startFlow(flow), 'power', 1);
    const second = answerFlow(flow, first, 'turn-on', 1);
    const back = backFlow(flow, second);
    expect(back).toEqual({ status: 'step', current: 'turn-on', path: first.path });
    expect(backFlow(flow, back)).toEqual(startFlow(flow));
  });

  test('back also reopens a finished walk at its last question', () => {
    const flow = makeFlow();
    const solved = answerFlow(flow, answerFlow(flow, startFlow(flow), 'power', 0), 'cable', 0);
    expect(backFlow(flow, solved)).toMatchObject({ status: 'step', current: 'cable' });
  });

  test('back with no answers yet changes nothing', () => {
    const flow = makeFlow();
    const walk = startFlow(flow);
    expect(backFlow(flow, walk)).toBe(walk);
  });

  test('ignores an answer to a step that is no longer current (a stale button)', () => {
    const flow = makeFlow();
    const walk = answerFlow(flow, startFlow(flow), 'power', 0);
    expect(answerFlow(flow, walk, 'power', 1)).toBe(walk);
  });

  test('ignores an answer index that does not exist', () => {
    const flow = makeFlow();
    const walk = startFlow(flow);
    expect(answerFlow(flow, walk, 'power', 7)).toBe(walk);
    expect(answerFlow(flow, walk, 'power', -1)).toBe(walk);
  });

  test('ignores answers once the walk is over', () => {
    const flow = makeFlow();
    const solved = answerFlow(flow, answerFlow(flow, startFlow(flow), 'power', 1), 'turn-on', 0);
    expect(answerFlow(flow, solved, 'turn-on', 1)).toBe(solved);
  });
});

describe('a broken flow never crashes the chat', () => {
  test('an answer pointing to an unknown step ends as support with the path so far', () => {
    const flow = makeFlow();
    flow.steps.power = makeStep({ id: 'power', title: 'Is the printer on?', answers: [{ label: 'Yes', to: 'nowhere' }] });
    const walk = answerFlow(flow, startFlow(flow), 'power', 0);
    expect(walk).toEqual({
      status: 'support',
      current: 'power',
      path: [{ stepId: 'power', step: 'Is the printer on?', answer: 'Yes' }],
      problem: 'unknown-target',
    });
  });

  test('an unknown start step ends as support before any question', () => {
    const walk = startFlow(makeFlow({ start: 'missing' }));
    expect(walk).toEqual({ status: 'support', current: null, path: [], problem: 'unknown-start' });
  });

  test('a step without answers ends as support instead of leaving the user stuck', () => {
    const flow = makeFlow();
    flow.steps['turn-on'] = makeStep({ id: 'turn-on', answers: [] });
    const walk = answerFlow(flow, startFlow(flow), 'power', 1);
    expect(walk).toMatchObject({ status: 'support', current: 'turn-on', problem: 'no-answers' });
  });

  test('a loop answered again and again ends as support after MAX_FLOW_ANSWERS answers', () => {
    const flow = makeFlow();
    let walk = startFlow(flow);
    while (walk.status === 'step') {
      walk = walk.current === 'power' ? answerFlow(flow, walk, 'power', 0) : answerFlow(flow, walk, 'cable', 2);
    }
    expect(walk.status).toBe('support');
    expect(walk.problem).toBe('too-long');
    expect(walk.path).toHaveLength(MAX_FLOW_ANSWERS);
  });
});

test('flowPathText writes one "question → answer" line per answer', () => {
  expect(flowPathText([{ step: 'Is the light green?', answer: 'No' }])).toEqual(['Is the light green? → No']);
  expect(flowPathText([])).toEqual([]);
});
