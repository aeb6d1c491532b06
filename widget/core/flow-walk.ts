/**
 * Walking a guided troubleshooting flow (README "Guided troubleshooting"): where the user is, what
 * they answered, and where each answer leads. Pure and immutable, so the conversation reducer can
 * keep a walk in its state and undo by dropping the last answer.
 *
 * The compiler validates flows, but the widget may meet an older or hand-edited bundle: a broken
 * flow must never crash the chat. Anything unexpected (unknown start or target, a step without
 * answers, an endless loop) ends the walk as `support`, so the user reaches a person with the
 * path taken so far.
 */
import { FLOW_SOLVED, FLOW_SUPPORT, type Flow, type FlowStep } from './flow-types.ts';

/** One answer given: the step's question and the answer's label (plus the step id, for Back). */
export interface FlowPathEntry {
  stepId: string;
  step: string;
  answer: string;
}

/** Why a walk ended in `support` without the user choosing it (a broken flow). */
export type FlowProblem = 'unknown-start' | 'unknown-target' | 'no-answers' | 'too-long';

export interface FlowWalk {
  /** `step`: waiting for an answer to `current`; `solved` / `support`: the walk is over. */
  status: 'step' | 'solved' | 'support';
  /** The step awaiting an answer (the last one shown once the walk is over), or null. */
  current: string | null;
  path: FlowPathEntry[];
  /** Set when the flow itself was broken rather than the user asking for support. */
  problem?: FlowProblem;
}

// A user looping through a flow this many times has not been helped by it; the ticket path stays
// readable and the state small.
export const MAX_FLOW_ANSWERS = 50;

/** Enters a step, or ends the walk when the step is missing or has nothing to answer. */
function enter(flow: Flow, stepId: string, path: FlowPathEntry[], missing: FlowProblem): FlowWalk {
  const step = flow.steps[stepId];
  if (!step) return { status: 'support', current: path.at(-1)?.stepId ?? null, path, problem: missing };
  if (step.answers.length === 0) return { status: 'support', current: stepId, path, problem: 'no-answers' };
  return { status: 'step', current: stepId, path };
}

/** Starts a walk at the flow's first step. */
export function startFlow(flow: Flow): FlowWalk {
  return enter(flow, flow.start, [], 'unknown-start');
}

/** The step awaiting an answer, when the walk is still going. */
export function currentStep(flow: Flow, walk: FlowWalk): FlowStep | undefined {
  return walk.status === 'step' && walk.current !== null ? flow.steps[walk.current] : undefined;
}

/**
 * Answers `stepId` with its answer number `answerIndex`. An answer to a step that is not the
 * current one (a stale button higher up in the chat) or an index out of range changes nothing.
 */
export function answerFlow(flow: Flow, walk: FlowWalk, stepId: string, answerIndex: number): FlowWalk {
  if (walk.status !== 'step' || walk.current !== stepId) return walk;
  const step = flow.steps[stepId];
  const answer = step?.answers[answerIndex];
  if (!step || !answer) return walk;
  const path = [...walk.path, { stepId, step: step.title, answer: answer.label }];
  if (answer.to === FLOW_SOLVED) return { status: 'solved', current: stepId, path };
  if (answer.to === FLOW_SUPPORT) return { status: 'support', current: stepId, path };
  if (path.length >= MAX_FLOW_ANSWERS) return { status: 'support', current: stepId, path, problem: 'too-long' };
  return enter(flow, answer.to, path, 'unknown-target');
}

/** Undoes the last answer: back to the step it answered. With no answers yet, nothing changes. */
export function backFlow(flow: Flow, walk: FlowWalk): FlowWalk {
  const last = walk.path.at(-1);
  if (!last || !flow.steps[last.stepId]) return walk;
  return { status: 'step', current: last.stepId, path: walk.path.slice(0, -1) };
}

/** The path as readable lines for the transcript and the ticket: "Is the printer on? → Yes". */
export function flowPathText(path: readonly Pick<FlowPathEntry, 'step' | 'answer'>[]): string[] {
  return path.map((entry) => `${entry.step} → ${entry.answer}`);
}
