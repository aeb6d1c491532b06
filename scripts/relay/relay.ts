/**
 * One relay, assembled: store (migrated on start), connector, delivery worker and HTTP server,
 * with a graceful close that stops taking tickets, lets requests and deliveries in flight
 * finish, and closes the store last.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RelayConfig } from './config.ts';
import { createConnector } from './connectors/connectors.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery.ts';
import { createLogger, type Log } from './log.ts';
import type { Connector, RelayStore } from './relay-types.ts';
import { createRelayServer, type RelayServer } from './relay-server.ts';
import { openStore } from './store/open-store.ts';

// How often the help desk is asked whether it is up, between deliveries.
const HEALTH_INTERVAL_MS = 30_000;
// How often delivered tickets past their retention lose their bodies.
const RETENTION_INTERVAL_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface Relay {
  /** The URL it listens on, once started. */
  url: string;
  server: RelayServer;
  store: RelayStore;
  connector: Connector;
  worker: DeliveryWorker;
  /** Graceful: stop accepting, finish in-flight requests and deliveries, close the store. */
  close(): Promise<void>;
}

export interface StartRelayOptions {
  log?: Log;
  /** Replaces the configured help desk (tests, benchmarks). */
  connector?: Connector;
  /** Do not start the delivery worker (benchmarks of acceptance alone). */
  deliver?: boolean;
}

/** Opens everything the config names and starts listening. */
export async function startRelay(config: RelayConfig, options: StartRelayOptions = {}): Promise<Relay> {
  const log = options.log ?? createLogger((line) => process.stderr.write(line));
  // Opened and migrated (openStore applies the pending migrations).
  const store = await openStore(config.store);
  try {
    return await startOn(store, config, options, log);
  } catch (error) {
    // A relay that cannot start (a bad help-desk setting, a port in use) leaves no database open.
    await store.close().catch(() => {});
    throw error;
  }
}

async function startOn(store: RelayStore, config: RelayConfig, options: StartRelayOptions, log: Log): Promise<Relay> {
  const connector = options.connector ?? (await createConnector(config.helpdesk));
  let server: RelayServer | undefined;
  const worker = createDeliveryWorker({
    store,
    connector,
    log,
    worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ...config.delivery,
    fastSubmitMs: config.antiBot.fastSubmitMs,
    onOutcome: (outcome) => server?.noteOutcome(outcome),
  });
  server = createRelayServer({ config, store, connector, log, worker });
  const relayServer = server;
  try {
    await relayServer.app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await relayServer.app.close();
    if (!options.connector) await connector.close?.();
    throw error;
  }
  const address = relayServer.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  void relayServer.checkHelpdesk().then((h) => {
    if (!h.ok) log('warn', 'helpdesk.unreachable', { kind: connector.kind, error: h.detail });
  });
  const healthTimer = setInterval(() => void relayServer.checkHelpdesk(), HEALTH_INTERVAL_MS);
  healthTimer.unref();
  // The help desk has the ticket now: the relay keeps only what idempotency needs, not the
  // requester and conversation, once the retention period has passed.
  const forget = async () => {
    if (config.retention.deliveredDays === 0) return;
    try {
      const count = await store.forgetDelivered(new Date(Date.now() - config.retention.deliveredDays * DAY_MS));
      if (count > 0) log('info', 'retention.forgot', { tickets: count, days: config.retention.deliveredDays });
    } catch (error) {
      log('warn', 'retention.failed', { error: String(error) });
    }
  };
  void forget();
  const retentionTimer = setInterval(() => void forget(), RETENTION_INTERVAL_MS);
  retentionTimer.unref();
  if (options.deliver !== false) worker.start();
  log('info', 'relay.started', { url, store: store.kind, helpdesk: connector.kind });

  let closing: Promise<void> | undefined;
  return {
    url,
    server: relayServer,
    store,
    connector,
    worker,
    close() {
      closing ??= (async () => {
        clearInterval(healthTimer);
        clearInterval(retentionTimer);
        await relayServer.app.close();
        await worker.stop();
        await connector.close?.();
        await store.close();
        log('info', 'relay.stopped', {});
      })();
      return closing;
    },
  };
}
