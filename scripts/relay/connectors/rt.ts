/**
 * Request Tracker 5 through its REST 2.0 API (`Authorization: token …`).
 *
 * What RT does not do for us, found against a real RT 5.0.3 and handled here:
 * - RT silently ignores a custom field that is unknown or not applied to the ticket's queue, on
 *   create and in searches alike. The hand-off id would then be lost and crash recovery would
 *   create a duplicate, so each queue is checked once for the id field before its first create.
 * - RT answers an unknown queue (and one the relay user may not see) with 403, which the one
 *   retry rule already parks.
 * - RT has no duplicate check: exactly-once rests on `findByHandoffId`, a TicketSQL search on
 *   the custom field.
 */
import type { Connector, ConnectorError, HelpdeskConfig, HelpdeskTicket, Outcome } from '../relay-types.ts';
import { errorDetail, errorFromNetwork, errorFromStatus } from './http-outcome.ts';

/**
 * ITIL priority 1 (critical) … 5 (planning) → RT's number, higher is more urgent. Chosen for how
 * stock RT 5 shows numbers as words (%PriorityAsString Low 0, Medium 50, High 100, each label
 * from its number up): P1 reads "High", P5 "Low". A spread like 90…10 would show a critical
 * ticket as "Medium". Sites that want all five ITIL labels set %PriorityAsString to these numbers.
 */
export const RT_DEFAULT_PRIORITIES: Readonly<Record<number, number>> = Object.freeze({ 1: 100, 2: 75, 3: 50, 4: 25, 5: 0 });

/**
 * RT's value for an ITIL priority: the config's (a number, or a %PriorityAsString label such as
 * "High", which RT turns into its number), else the default, else the middle.
 */
export function rtPriority(priority: number, configured: HelpdeskConfig['priorities'] = {}): number | string {
  return configured[priority] ?? RT_DEFAULT_PRIORITIES[priority] ?? 50;
}

/** A TicketSQL single-quoted string: RT's parser unescapes any backslashed character. */
export function ticketSqlString(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** The TicketSQL that finds tickets carrying a hand-off id in the custom field `idField`. */
export function handoffQuery(idField: string, handoffId: string): string {
  return `${ticketSqlString(`CF.{${idField}}`)} = ${ticketSqlString(handoffId)}`;
}

/**
 * The Requestor value: `"Name" <email>`, so RT sets the new user's real name too. The name is
 * quoted (commas, apostrophes) and stripped of what could end the address early.
 */
export function requestorAddress(requester: { name: string; email: string }): string {
  const name = requester.name.replace(/[\r\n<>]/g, ' ').replace(/["\\]/g, (c) => `\\${c}`).trim();
  return name ? `"${name}" <${requester.email}>` : requester.email;
}

/** The REST 2.0 create body for a ticket. */
export function rtCreateBody(ticket: HelpdeskTicket, config: Pick<HelpdeskConfig, 'idField' | 'priorities'>): Record<string, unknown> {
  const priority = rtPriority(ticket.priority, config.priorities);
  return {
    Queue: ticket.queue,
    Subject: ticket.subject,
    Requestor: requestorAddress(ticket.requester),
    Content: ticket.body,
    ContentType: 'text/plain',
    // RT resets a ticket's priority to InitialPriority on some transitions, so set both.
    Priority: priority,
    InitialPriority: priority,
    CustomFields: { [config.idField]: ticket.handoffId },
    Attachments: [
      { FileName: 'transcript.txt', FileType: 'text/plain', FileContent: Buffer.from(ticket.transcript, 'utf8').toString('base64') },
      ...ticket.attachments.map((a) => ({ FileName: a.name, FileType: a.type || 'application/octet-stream', FileContent: a.data })),
    ],
  };
}

type Json = Record<string, unknown>;

/** Builds the RT connector; `fetchImpl` is for tests. */
export function createRtConnector(config: HelpdeskConfig, fetchImpl: typeof fetch = fetch): Connector {
  const api = `${config.url.replace(/\/+$/, '')}/REST/2.0`;
  // Queues already seen to carry the id field: one extra GET per queue per relay process.
  const queuesWithIdField = new Set<string>();

  /** Defence in depth: no message leaving this module may carry the token. */
  const redact = (error: ConnectorError): ConnectorError =>
    config.token ? { ...error, message: error.message.split(config.token).join('[token]') } : error;

  async function call(method: string, path: string, body?: unknown): Promise<Outcome<{ status: number; json: Json }>> {
    let response: Response;
    try {
      response = await fetchImpl(`${api}${path}`, {
        method,
        headers: {
          Authorization: `token ${config.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      return { ok: false, error: redact(errorFromNetwork(error)) };
    }
    if (!response.ok) {
      const detail = await errorDetail(response);
      return { ok: false, error: redact(errorFromStatus(response.status, detail, response.headers.get('retry-after'))) };
    }
    try {
      return { ok: true, value: { status: response.status, json: (await response.json()) as Json } };
    } catch (error) {
      // A 2xx we cannot read: the request may have taken effect, so retry (after a lookup).
      return { ok: false, error: redact({ kind: 'retry', status: response.status, message: `RT answered ${response.status} with unreadable JSON (${(error as Error).message})` }) };
    }
  }

  /** The queue exists for the relay user and carries the id field (else RT would drop the hand-off id). */
  async function checkQueue(queue: string): Promise<Outcome<null>> {
    const got = await call('GET', `/queue/${encodeURIComponent(queue)}`);
    if (!got.ok) {
      const error = got.error;
      return error.status === 403 || error.status === 404
        ? { ok: false, error: { ...error, message: `RT has no queue "${queue}" the relay user may see (${error.message})` } }
        : got;
    }
    const fields = Array.isArray(got.value.json.TicketCustomFields) ? (got.value.json.TicketCustomFields as Json[]) : [];
    if (!fields.some((f) => f.name === config.idField)) {
      return {
        ok: false,
        error: { kind: 'permanent', message: `RT queue "${queue}" has no ticket custom field "${config.idField}" the relay user may see; apply it to the queue and grant SeeCustomField and ModifyCustomField` },
      };
    }
    queuesWithIdField.add(queue);
    return { ok: true, value: null };
  }

  return {
    kind: 'rt',

    async create(ticket) {
      if (!queuesWithIdField.has(ticket.queue)) {
        const checked = await checkQueue(ticket.queue);
        if (!checked.ok) return checked;
      }
      const created = await call('POST', '/ticket', rtCreateBody(ticket, config));
      if (!created.ok) return created;
      const id = created.value.json.id;
      if (typeof id !== 'string' && typeof id !== 'number') {
        return { ok: false, error: { kind: 'retry', status: created.value.status, message: 'RT answered without a ticket id' } };
      }
      return { ok: true, value: { helpdeskId: String(id) } };
    },

    // Searches every queue the relay user may see, not just `queue`: Level 1 often moves a ticket
    // to another queue, and a recovery that missed it there would create a duplicate. `CF.{name}`
    // matches by name, so it also finds the field when it is applied to several queues.
    async findByHandoffId(handoffId) {
      if (/^CF\./i.test(handoffId)) {
        // RT reads a quoted value starting with "CF." as a reference to another custom field.
        return { ok: false, error: { kind: 'permanent', message: `RT cannot search for the hand-off id "${handoffId}" (it starts with "CF.")` } };
      }
      const params = new URLSearchParams({ query: handoffQuery(config.idField, handoffId), orderby: 'id', order: 'ASC', per_page: '1' });
      const found = await call('GET', `/tickets?${params}`);
      if (!found.ok) return found;
      const items = Array.isArray(found.value.json.items) ? (found.value.json.items as Json[]) : [];
      const first = items[0];
      return { ok: true, value: first && first.id !== undefined ? { helpdeskId: String(first.id) } : null };
    },

    async health() {
      const got = await call('GET', '/rt');
      if (!got.ok) {
        const { status } = got.error;
        return status === 401 || status === 403 ? { ok: false, error: { kind: 'permanent', status, message: 'RT refused the token' } } : got;
      }
      // A default queue without the id field would lose every hand-off id: report it here.
      const queue = await checkQueue(config.queue);
      if (!queue.ok) return queue;
      const version = got.value.json.Version;
      return { ok: true, value: typeof version === 'string' ? { detail: `RT ${version}` } : {} };
    },
  };
}
