/**
 * Counters for monitoring, rendered in the Prometheus text format at `GET /metrics`: tickets
 * accepted, replayed, rejected (by reason), rate-limited, delivered, retried and parked, and the
 * queue as the store sees it (shared by every relay on one database).
 */
import type { DeliveryOutcome } from './delivery.ts';
import type { StoreStats } from './relay-types.ts';

export interface Metrics {
  accepted(discarded: boolean): void;
  replayed(): void;
  rejected(reason: string): void;
  rateLimited(): void;
  delivery(outcome: DeliveryOutcome): void;
  render(stats: StoreStats | null, helpdeskUp: boolean): string;
}

/** A fresh set of counters. */
export function createMetrics(): Metrics {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const deliveryMs: number[] = [];
  return {
    accepted: (discarded) => bump(discarded ? 'discarded' : 'accepted'),
    replayed: () => bump('replayed'),
    rejected: (reason) => bump(`rejected:${reason}`),
    rateLimited: () => bump('rate_limited'),
    delivery(outcome) {
      bump(`delivery:${outcome.result}`);
      if (outcome.result === 'delivered') {
        deliveryMs.push(outcome.ms);
        if (deliveryMs.length > 1000) deliveryMs.shift();
      }
    },
    render(stats, helpdeskUp) {
      const line = (name: string, help: string, type: string, samples: Array<[string, number]>) =>
        `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${samples.map(([labels, v]) => `${name}${labels} ${v}`).join('\n')}\n`;
      const c = (key: string) => counts.get(key) ?? 0;
      const rejected = [...counts.entries()].filter(([k]) => k.startsWith('rejected:')).map(([k, v]): [string, number] => [`{reason="${k.slice(9)}"}`, v]);
      const sorted = [...deliveryMs].sort((a, b) => a - b);
      const p = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
      return [
        line('tier0_relay_tickets_accepted_total', 'Tickets stored for delivery.', 'counter', [['', c('accepted')]]),
        line('tier0_relay_tickets_discarded_total', 'Tickets answered but never delivered (honeypot filled).', 'counter', [['', c('discarded')]]),
        line('tier0_relay_tickets_replayed_total', 'Requests that repeated an Idempotency-Key.', 'counter', [['', c('replayed')]]),
        line('tier0_relay_requests_rejected_total', 'Requests refused with a 4xx or 503, by reason.', 'counter', rejected.length > 0 ? rejected : [['{reason="none"}', 0]]),
        line('tier0_relay_requests_rate_limited_total', 'Requests answered 429.', 'counter', [['', c('rate_limited')]]),
        line('tier0_relay_deliveries_total', 'Delivery attempts by result.', 'counter', ['delivered', 'retry', 'parked', 'lease-lost'].map((r): [string, number] => [`{result="${r}"}`, c(`delivery:${r}`)])),
        line('tier0_relay_delivery_ms', 'Delivery time of the last 1,000 delivered tickets.', 'gauge', [['{quantile="0.5"}', p(0.5)], ['{quantile="0.99"}', p(0.99)]]),
        line('tier0_relay_helpdesk_up', 'Whether the help desk answered the last probe or delivery.', 'gauge', [['', helpdeskUp ? 1 : 0]]),
        ...(stats
          ? [
              line('tier0_relay_queue_tickets', 'Tickets in the store by status.', 'gauge', (['queued', 'parked', 'delivered', 'discarded'] as const).map((s): [string, number] => [`{status="${s}"}`, stats[s]])),
              line('tier0_relay_oldest_queued_seconds', 'Age of the oldest ticket waiting for delivery.', 'gauge', [['', stats.oldestQueuedAt ? Math.round((Date.now() - Date.parse(stats.oldestQueuedAt)) / 1000) : 0]]),
            ]
          : []),
      ].join('');
    },
  };
}
