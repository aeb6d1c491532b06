/**
 * Checks a guided troubleshooting flow (README "Guided troubleshooting") for the mistakes that
 * would strand a user mid-conversation. Pure: takes the flow's outline with source lines and
 * returns issues; the compiler prints them as `path:line: message`, the widget can reuse it.
 */
import { FLOW_SOLVED, FLOW_SUPPORT } from './flow-types.ts';

export interface FlowOutlineAnswer {
  label: string;
  /** Target as written after `#`: a step id, `solved` or `support`. */
  to: string;
  line: number;
}

export interface FlowOutlineStep {
  id: string;
  line: number;
  answers: FlowOutlineAnswer[];
}

export interface FlowOutline {
  /** Line of the `:::flow` opener. */
  line: number;
  /** False when no `:::` line closes the flow. */
  closed: boolean;
  /** In source order; the first step is where the flow starts. */
  steps: FlowOutlineStep[];
}

export interface FlowIssue {
  line: number;
  message: string;
}

/** True for the answer targets that end a flow. */
export function isFlowEnd(to: string): boolean {
  return to === FLOW_SOLVED || to === FLOW_SUPPORT;
}

/** Returns every problem of a flow, in line order (empty when the flow is sound). */
export function validateFlow(flow: FlowOutline): FlowIssue[] {
  const issues: FlowIssue[] = [];
  if (!flow.closed) {
    issues.push({ line: flow.line, message: 'unclosed :::flow (end it with a line containing only :::)' });
  }
  if (flow.steps.length === 0) {
    issues.push({ line: flow.line, message: 'flow has no steps (each step is a "### heading" followed by its answers)' });
    return issues;
  }

  const steps = new Map<string, FlowOutlineStep>();
  for (const step of flow.steps) {
    const first = steps.get(step.id);
    if (first) issues.push({ line: step.line, message: `duplicate step id "${step.id}" (first used on line ${first.line})` });
    else steps.set(step.id, step);
  }

  for (const step of steps.values()) {
    if (step.answers.length === 0) {
      issues.push({
        line: step.line,
        message: `step "${step.id}" has no answers (dead end): end it with a list of links to steps, #solved or #support`,
      });
    }
    for (const answer of step.answers) {
      if (!isFlowEnd(answer.to) && !steps.has(answer.to)) {
        issues.push({ line: answer.line, message: `answer "${answer.label}" points to unknown step "#${answer.to}"` });
      }
    }
  }

  const reachable = reachableFrom(flow.steps[0]!.id, steps);
  const canFinish = stepsThatCanFinish(steps);
  for (const step of steps.values()) {
    if (!reachable.has(step.id)) {
      issues.push({ line: step.line, message: `step "${step.id}" is unreachable: no answer leads to it` });
    }
    if (step.answers.length > 0 && !canFinish.has(step.id)) {
      issues.push({
        line: step.line,
        message: `step "${step.id}" loops with no way out: no path from it reaches #solved or #support`,
      });
    }
  }
  return issues.sort((a, b) => a.line - b.line);
}

function reachableFrom(start: string, steps: Map<string, FlowOutlineStep>): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const answer of steps.get(next)?.answers ?? []) {
      if (steps.has(answer.to) && !seen.has(answer.to)) {
        seen.add(answer.to);
        queue.push(answer.to);
      }
    }
  }
  return seen;
}

/**
 * Steps with a path to #solved or #support: walk the answer graph backwards from the exits.
 * Dead ends and unknown targets count as exits here: they are reported on their own, and
 * blaming every step before them as well would bury the one line to fix.
 */
function stepsThatCanFinish(steps: Map<string, FlowOutlineStep>): Set<string> {
  const leadsTo = new Map<string, string[]>();
  const finished = new Set<string>();
  for (const step of steps.values()) {
    if (step.answers.length === 0) finished.add(step.id);
    for (const answer of step.answers) {
      if (isFlowEnd(answer.to) || !steps.has(answer.to)) finished.add(step.id);
      else {
        const sources = leadsTo.get(answer.to);
        if (sources) sources.push(step.id);
        else leadsTo.set(answer.to, [step.id]);
      }
    }
  }
  const queue = [...finished];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const from of leadsTo.get(next) ?? []) {
      if (!finished.has(from)) {
        finished.add(from);
        queue.push(from);
      }
    }
  }
  return finished;
}
