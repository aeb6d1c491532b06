/**
 * Words a flow step cannot use: the chat shows one step at a time, without the article around
 * it, so "the steps are below this guide" or "see above" point at nothing there. Authors are
 * warned (English wording; the check is a hint, not a grammar).
 */
import type { ParsedFlow } from './flow-parse.ts';

const POINTS_OUTSIDE =
  /\b(?:(?:see|are|is|listed|described|shown)\s+)?(?:below|above)\s+(?:this|the)\s+(?:guide|article|page|section|flow|steps?)\b|\bsee\s+(?:below|above)\b|\bfurther\s+(?:down|up)\b|\b(?:the\s+)?(?:section|steps?|instructions)\s+(?:below|above)\b/i;

export interface WordingIssue {
  /** 1-based line in the article source. */
  line: number;
  message: string;
}

/** Steps whose text points at article text outside the step ("below this guide"). */
export function flowWordingIssues(flow: ParsedFlow, source: string): WordingIssue[] {
  const issues: WordingIssue[] = [];
  for (const step of flow.steps) {
    const match = POINTS_OUTSIDE.exec(step.body);
    if (!match) continue;
    const line = source.slice(0, step.bodyOffset + match.index).split('\n').length;
    issues.push({
      line,
      message: `step "${step.id}" says "${match[0]}", but the chat shows a step on its own — put the instructions in the step, or link the article's section`,
    });
  }
  return issues;
}
