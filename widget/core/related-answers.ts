/**
 * Which next-best answers to offer beside or after the best one: only related ones. A search
 * always returns its ten best matches, however weak; after "No" to "Forgot my password", "Can't
 * connect to Wi-Fi" (matched on one common word) is noise, not help. Better none than that.
 */
import type { AnswerHit } from './state.ts';

/** A next-best answer of another category needs at least this share of the best answer's score. */
export const RELATED_SCORE_SHARE = 0.4;

/** The hits related to `best`: of its category, or scoring close enough to it. */
export function relatedAnswers(best: AnswerHit, hits: readonly AnswerHit[]): AnswerHit[] {
  return hits.filter((hit) => (best.category !== undefined && hit.category === best.category) || hit.score >= best.score * RELATED_SCORE_SHARE);
}
