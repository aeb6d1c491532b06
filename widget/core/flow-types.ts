/**
 * A guided troubleshooting flow, compiled from markdown (see README "Guided troubleshooting").
 * Answers lead to another step, to SOLVED or to SUPPORT (escalate with the path taken).
 */
export const FLOW_SOLVED = 'solved';
export const FLOW_SUPPORT = 'support';

export interface FlowAnswer {
  label: string;
  /** A step id, FLOW_SOLVED or FLOW_SUPPORT. */
  to: string;
}

export interface FlowStep {
  id: string;
  /** Step heading text (plain). */
  title: string;
  /** Compiled HTML of the step body (untrusted until sanitized, like article HTML). */
  html: string;
  answers: FlowAnswer[];
}

export interface Flow {
  title: string;
  start: string;
  steps: Record<string, FlowStep>;
}
