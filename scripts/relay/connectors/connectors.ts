/** The help desk a config names, by kind. Connectors load lazily: one relay uses one. */
import type { Connector, HelpdeskConfig } from '../relay-types.ts';

const FACTORIES: Record<string, (config: HelpdeskConfig) => Promise<Connector>> = {
  inbox: async (config) => (await import('./inbox.ts')).createInboxConnector(config.url),
  webhook: async (config) => (await import('./webhook.ts')).createWebhookConnector(config),
  rt: async (config) => (await import('./rt.ts')).createRtConnector(config),
};

/** The connector for `config.kind` (validated by config.ts). */
export async function createConnector(config: HelpdeskConfig): Promise<Connector> {
  const factory = FACTORIES[config.kind];
  if (!factory) throw new Error(`helpdesk.kind: "${config.kind}" has no connector`);
  return factory(config);
}
