/**
 * What the relay (and the demo inbox) accept: the contract §4 shape, checked field by field, with
 * an error the widget can show as it is. The honeypot is not judged here: a filled one is a
 * signal the relay acts on (answered like any other ticket, never delivered).
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The first problem with a ticket body, or null when it is acceptable. */
export function ticketProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body must be a JSON object';
  if (!isText(body.id)) return 'id is missing';
  if (!isText(body.createdAt) || Number.isNaN(Date.parse(body.createdAt))) return 'createdAt must be an ISO 8601 date';
  if (!isObject(body.requester)) return 'requester is missing';
  if (!isText(body.requester.email)) return 'requester.email is missing';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.requester.email.trim())) return 'requester.email is not an e-mail address';
  if (body.requester.name !== undefined && typeof body.requester.name !== 'string') return 'requester.name must be text';
  if (!isText(body.subject)) return 'subject is missing';
  if (typeof body.description !== 'string') return 'description must be text';
  if (body.category !== undefined && typeof body.category !== 'string') return 'category must be text';
  if (body.fields !== undefined && !isObject(body.fields)) return 'fields must be an object';
  if (!Array.isArray(body.transcript)) return 'transcript must be a list';
  for (const entry of body.transcript) {
    if (!isObject(entry) || (entry.role !== 'user' && entry.role !== 'assistant') || typeof entry.text !== 'string') {
      return 'each transcript entry needs role "user" or "assistant" and text';
    }
  }
  if (!Array.isArray(body.searches) || !body.searches.every((s) => typeof s === 'string')) return 'searches must be a list of text';
  if (!Array.isArray(body.articlesViewed) || !body.articlesViewed.every((a) => isObject(a) && typeof a.id === 'string')) {
    return 'articlesViewed must be a list of { id, helpful }';
  }
  if (!isObject(body.context)) return 'context must be an object';
  if (body.attachments !== undefined) {
    if (!Array.isArray(body.attachments)) return 'attachments must be a list';
    for (const a of body.attachments) {
      if (!isObject(a) || typeof a.name !== 'string' || typeof a.data !== 'string') return 'each attachment needs name and data';
    }
  }
  if (body.signals !== undefined) {
    if (!isObject(body.signals)) return 'signals must be an object';
    if (body.signals.formMs !== undefined && (typeof body.signals.formMs !== 'number' || !(body.signals.formMs >= 0))) return 'signals.formMs must be a number of milliseconds';
  }
  if (body.flowAnswers !== undefined) {
    if (!Array.isArray(body.flowAnswers)) return 'flowAnswers must be a list';
    for (const a of body.flowAnswers) {
      if (!isObject(a) || typeof a.step !== 'string' || typeof a.answer !== 'string') return 'each flowAnswers entry needs step and answer';
    }
  }
  return null;
}
