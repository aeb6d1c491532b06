/** What the demo inbox accepts: the contract §4 shape, checked field by field with a readable error. */

import { HONEYPOT_FIELD } from '../../../widget/core/ticket/ticket-types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The first problem with a ticket body, or null when it is acceptable. */
export function ticketProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body must be a JSON object';
  // Bots fill every field they see; the widget sends its off-screen honeypot when filled.
  if (isText(body[HONEYPOT_FIELD])) return 'this ticket looks automated and was not accepted';
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
  return null;
}
