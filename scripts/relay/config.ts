/**
 * The relay's configuration: one documented shape, defaults in one frozen object, `${NAME}`
 * taken from the environment, and every problem reported as `<file>: <key>: <what is wrong>`.
 * Unknown keys are errors too: a misspelt `orgins` silently allowing nobody is worse than a
 * relay that refuses to start and says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isLevel, LEVELS } from '../../widget/core/ticket/priority.ts';
import type { HelpdeskConfig, Level } from './relay-types.ts';
import { DEFAULT_PRIORITY_MATRIX, type PriorityMatrix, type RoutingConfig } from './routing.ts';

export interface RelayConfig {
  port: number;
  host: string;
  /** Site origins allowed by CORS; `["*"]` allows any (for trials only). */
  origins: string[];
  /** `sqlite:PATH` or a `postgres://` URL. */
  store: string;
  helpdesk: HelpdeskConfig;
  routing: RoutingConfig;
  limits: {
    /** Largest ticket body in bytes (attachments are base64 inside it). */
    maxBodyBytes: number;
    /** Tickets one client address may send: a burst, refilled at `perClientPerMinute`. */
    perClientBurst: number;
    perClientPerMinute: number;
    /** Tickets the whole relay accepts: a burst, refilled at `globalPerSecond`. */
    globalBurst: number;
    globalPerSecond: number;
  };
  delivery: {
    /** Tickets delivered at once by this relay. */
    concurrency: number;
    /** How long a claimed ticket stays this relay's; must exceed two help-desk timeouts. */
    leaseMs: number;
    /** How often the queue is polled for retries and other relays' work. */
    pollMs: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  antiBot: {
    /** Tickets sent sooner than this after the form opened are flagged to the agent (never refused). */
    fastSubmitMs: number;
  };
  retention: {
    /** Days a delivered ticket's body (requester, conversation, context) is kept; 0 keeps it. */
    deliveredDays: number;
  };
  /** Take the client address from X-Forwarded-For (only behind your own reverse proxy). */
  trustProxy: boolean;
  /** Where the relay keeps its files (the demo's SQLite database and inbox). */
  dataDir: string;
}

export const CONFIG_FILES = ['tier0.relay.json', 'tier0.relay.yml', 'tier0.relay.yaml'];

const DEFAULT_DATA_DIR = '.tier0-relay';

/** Every default in one place; `resolveConfig` merges a file over it once. */
export const RELAY_DEFAULTS = Object.freeze({
  port: 5180,
  host: '127.0.0.1',
  origins: [] as string[],
  store: `sqlite:./${DEFAULT_DATA_DIR}/relay.db`,
  helpdesk: { kind: 'inbox', url: '', token: '', queue: 'General', idField: 'Tier0 hand-off', secret: '', timeoutMs: 10_000, priorities: {} },
  routing: { queues: {}, priority: DEFAULT_PRIORITY_MATRIX, defaultImpact: 'medium' as Level, defaultUrgency: 'medium' as Level },
  limits: { maxBodyBytes: 8 * 1024 * 1024, perClientBurst: 30, perClientPerMinute: 60, globalBurst: 2000, globalPerSecond: 1000 },
  delivery: { concurrency: 8, leaseMs: 30_000, pollMs: 1000, retryBaseMs: 1000, retryMaxMs: 60_000 },
  antiBot: { fastSubmitMs: 1500 },
  retention: { deliveredDays: 30 },
  trustProxy: false,
  dataDir: DEFAULT_DATA_DIR,
});

export const HELPDESK_KINDS = ['rt', 'webhook', 'inbox'] as const;

/** A configuration problem: `message` is the whole `file: key: problem` line. */
export class ConfigError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces `${NAME}` in every string with the environment's value; a missing one is an error. */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, at: string, problems: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined || v === '') problems.push(`${at}: environment variable ${name} is not set`);
      return v ?? '';
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, `${at}[${i}]`, problems));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, at ? `${at}.${k}` : k, problems)]));
  return value;
}

function checkKeys(obj: Json, allowed: readonly string[], at: string, problems: string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) problems.push(`${at ? `${at}.` : ''}${key}: unknown key (known: ${allowed.join(', ')})`);
  }
}

function int(value: unknown, at: string, min: number, max: number, problems: string[], fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    problems.push(`${at}: must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return n;
}

function str(value: unknown, at: string, problems: string[], fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') {
    problems.push(`${at}: must be text`);
    return fallback;
  }
  return value;
}

function section(raw: Json, key: string, problems: string[]): Json {
  const value = raw[key];
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${key}: must be an object`);
    return {};
  }
  return value;
}

function origins(value: unknown, problems: string[]): string[] {
  if (value === undefined) return [...RELAY_DEFAULTS.origins];
  if (!Array.isArray(value)) {
    problems.push('origins: must be a list of site origins, e.g. ["https://intranet.example.com"]');
    return [];
  }
  return value.flatMap((o, i) => {
    if (o === '*') return ['*'];
    try {
      const url = new URL(String(o));
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === String(o).replace(/\/$/, '')) return [url.origin];
    } catch {
      // reported below
    }
    problems.push(`origins[${i}]: "${String(o)}" is not an origin — write scheme://host[:port], without a path`);
    return [];
  });
}

function matrix(value: unknown, problems: string[]): PriorityMatrix {
  if (value === undefined) return DEFAULT_PRIORITY_MATRIX;
  if (!isObject(value)) {
    problems.push('routing.priority: must be { "<impact>": { "<urgency>": <priority 1–5> } }');
    return DEFAULT_PRIORITY_MATRIX;
  }
  checkKeys(value, LEVELS, 'routing.priority', problems);
  const out = {} as PriorityMatrix;
  for (const impact of LEVELS) {
    const row = value[impact];
    if (row !== undefined && !isObject(row)) problems.push(`routing.priority.${impact}: must be { "<urgency>": <priority> }`);
    const cells = isObject(row) ? row : {};
    if (isObject(row)) checkKeys(row, LEVELS, `routing.priority.${impact}`, problems);
    out[impact] = Object.fromEntries(
      LEVELS.map((urgency) => [urgency, int(cells[urgency], `routing.priority.${impact}.${urgency}`, 1, 5, problems, DEFAULT_PRIORITY_MATRIX[impact][urgency])]),
    ) as Record<Level, number>;
  }
  return out;
}

function level(value: unknown, at: string, problems: string[], fallback: Level): Level {
  if (value === undefined) return fallback;
  if (!isLevel(value)) {
    problems.push(`${at}: must be "high", "medium" or "low"`);
    return fallback;
  }
  return value;
}

/**
 * The configuration from a parsed file (or `{}` for the demo set-up). Relative paths in `store`
 * and `dataDir` are resolved against `baseDir`. Throws ConfigError listing every problem.
 */
export function resolveConfig(input: unknown, env: NodeJS.ProcessEnv, source: string, baseDir: string): RelayConfig {
  const problems: string[] = [];
  if (!isObject(input)) throw new ConfigError(`${source}: the configuration must be an object`);
  const raw = substituteEnv(input, env, '', problems) as Json;
  checkKeys(raw, ['port', 'host', 'origins', 'store', 'helpdesk', 'routing', 'limits', 'delivery', 'antiBot', 'retention', 'trustProxy', 'dataDir'], '', problems);

  const d = RELAY_DEFAULTS;
  const dataDir = path.resolve(baseDir, str(raw.dataDir, 'dataDir', problems, d.dataDir));
  let store = str(raw.store, 'store', problems, `sqlite:${path.join(dataDir, 'relay.db')}`);
  if (/^sqlite:/.test(store)) store = `sqlite:${path.resolve(baseDir, store.slice('sqlite:'.length))}`;
  else if (!/^postgres(?:ql)?:\/\//.test(store)) problems.push(`store: "${store.replace(/\/\/[^@/]*@/, '//…@')}" — use sqlite:PATH or a postgres:// URL`);

  const h = section(raw, 'helpdesk', problems);
  checkKeys(h, ['kind', 'url', 'token', 'queue', 'idField', 'secret', 'timeoutMs', 'priorities'], 'helpdesk', problems);
  const kind = str(h.kind, 'helpdesk.kind', problems, d.helpdesk.kind);
  if (!(HELPDESK_KINDS as readonly string[]).includes(kind)) problems.push(`helpdesk.kind: "${kind}" is not one of ${HELPDESK_KINDS.join(', ')}`);
  const helpdesk: HelpdeskConfig = {
    kind,
    url: str(h.url, 'helpdesk.url', problems, kind === 'inbox' ? path.join(dataDir, 'inbox') : ''),
    token: str(h.token, 'helpdesk.token', problems, ''),
    queue: str(h.queue, 'helpdesk.queue', problems, d.helpdesk.queue),
    idField: str(h.idField, 'helpdesk.idField', problems, d.helpdesk.idField),
    secret: str(h.secret, 'helpdesk.secret', problems, ''),
    timeoutMs: int(h.timeoutMs, 'helpdesk.timeoutMs', 100, 300_000, problems, d.helpdesk.timeoutMs),
    priorities: {},
  };
  if (h.priorities !== undefined) {
    if (!isObject(h.priorities)) problems.push('helpdesk.priorities: must be { "1": <value>, … "5": <value> }');
    else {
      for (const [k, v] of Object.entries(h.priorities)) {
        if (!/^[1-5]$/.test(k)) problems.push(`helpdesk.priorities.${k}: keys are the ITIL priorities 1 to 5`);
        else if (typeof v !== 'number' && typeof v !== 'string') problems.push(`helpdesk.priorities.${k}: must be a number or text`);
        else helpdesk.priorities[Number(k)] = v;
      }
    }
  }
  if (kind === 'rt' || kind === 'webhook') {
    if (helpdesk.url === '') problems.push(`helpdesk.url: required for kind "${kind}"`);
    else if (!/^https?:\/\//.test(helpdesk.url)) problems.push(`helpdesk.url: must be an http(s) URL`);
  }
  if (kind === 'rt' && helpdesk.token === '') problems.push('helpdesk.token: required for kind "rt" (an RT auth token; write "${RT_TOKEN}" and set it in the environment)');
  if (kind === 'webhook' && helpdesk.secret === '') problems.push('helpdesk.secret: required for kind "webhook" (the HMAC key receivers verify; write "${TIER0_WEBHOOK_SECRET}")');
  if (kind === 'inbox') helpdesk.url = path.resolve(baseDir, helpdesk.url);

  const r = section(raw, 'routing', problems);
  checkKeys(r, ['queues', 'priority', 'defaultImpact', 'defaultUrgency'], 'routing', problems);
  const queues: Record<string, string> = {};
  if (r.queues !== undefined) {
    if (!isObject(r.queues)) problems.push('routing.queues: must be { "<category>": "<queue>" }');
    else for (const [category, queue] of Object.entries(r.queues)) {
      if (typeof queue !== 'string' || queue.trim() === '') problems.push(`routing.queues.${category}: must be a queue name`);
      else queues[category] = queue;
    }
  }
  const routing: RoutingConfig = {
    queues,
    priority: matrix(r.priority, problems),
    defaultImpact: level(r.defaultImpact, 'routing.defaultImpact', problems, d.routing.defaultImpact),
    defaultUrgency: level(r.defaultUrgency, 'routing.defaultUrgency', problems, d.routing.defaultUrgency),
  };

  const l = section(raw, 'limits', problems);
  checkKeys(l, Object.keys(d.limits), 'limits', problems);
  const limits = {
    maxBodyBytes: int(l.maxBodyBytes, 'limits.maxBodyBytes', 1024, 1024 ** 3, problems, d.limits.maxBodyBytes),
    perClientBurst: int(l.perClientBurst, 'limits.perClientBurst', 1, 1e9, problems, d.limits.perClientBurst),
    perClientPerMinute: int(l.perClientPerMinute, 'limits.perClientPerMinute', 1, 1e9, problems, d.limits.perClientPerMinute),
    globalBurst: int(l.globalBurst, 'limits.globalBurst', 1, 1e9, problems, d.limits.globalBurst),
    globalPerSecond: int(l.globalPerSecond, 'limits.globalPerSecond', 1, 1e9, problems, d.limits.globalPerSecond),
  };

  const dl = section(raw, 'delivery', problems);
  checkKeys(dl, Object.keys(d.delivery), 'delivery', problems);
  const delivery = {
    concurrency: int(dl.concurrency, 'delivery.concurrency', 1, 256, problems, d.delivery.concurrency),
    leaseMs: int(dl.leaseMs, 'delivery.leaseMs', 1000, 3_600_000, problems, Math.max(d.delivery.leaseMs, 2 * helpdesk.timeoutMs + 5000)),
    pollMs: int(dl.pollMs, 'delivery.pollMs', 10, 600_000, problems, d.delivery.pollMs),
    retryBaseMs: int(dl.retryBaseMs, 'delivery.retryBaseMs', 1, 3_600_000, problems, d.delivery.retryBaseMs),
    retryMaxMs: int(dl.retryMaxMs, 'delivery.retryMaxMs', 1, 86_400_000, problems, d.delivery.retryMaxMs),
  };
  // A lease that ends while a lookup and a create are still in flight would let a second relay
  // create the same ticket: the lease must outlast both requests' timeouts.
  if (delivery.leaseMs <= 2 * helpdesk.timeoutMs) {
    problems.push(`delivery.leaseMs: must be more than twice helpdesk.timeoutMs (${2 * helpdesk.timeoutMs} ms), or a slow help desk could get a ticket twice`);
  }

  const a = section(raw, 'antiBot', problems);
  checkKeys(a, Object.keys(d.antiBot), 'antiBot', problems);
  const antiBot = { fastSubmitMs: int(a.fastSubmitMs, 'antiBot.fastSubmitMs', 0, 600_000, problems, d.antiBot.fastSubmitMs) };

  const rt = section(raw, 'retention', problems);
  checkKeys(rt, Object.keys(d.retention), 'retention', problems);
  const retention = { deliveredDays: int(rt.deliveredDays, 'retention.deliveredDays', 0, 36_500, problems, d.retention.deliveredDays) };

  const config: RelayConfig = {
    port: int(raw.port, 'port', 0, 65535, problems, d.port),
    host: str(raw.host, 'host', problems, d.host),
    origins: origins(raw.origins, problems),
    store,
    helpdesk,
    routing,
    limits,
    delivery,
    antiBot,
    retention,
    trustProxy: raw.trustProxy === undefined ? d.trustProxy : raw.trustProxy === true,
    dataDir,
  };
  if (raw.trustProxy !== undefined && typeof raw.trustProxy !== 'boolean') problems.push('trustProxy: must be true or false');
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${source}: ${p}`).join('\n'));
  return config;
}

/** Parses a JSON or YAML config file; syntax errors carry the file and line. */
export function readConfigFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (/\.ya?ml$/i.test(file)) {
    try {
      return parseYaml(text);
    } catch (error) {
      const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
      throw new ConfigError(`${file}${line ? `:${line}` : ''}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * The configuration for `tier0 relay`: `--config FILE`, else tier0.relay.json/.yml/.yaml in
 * `cwd`, else the demo set-up (SQLite and the inbox in ./.tier0-relay/). `source` names it for
 * the start-up line.
 */
export function loadConfig(options: { file?: string; cwd: string; env: NodeJS.ProcessEnv; port?: number }): { config: RelayConfig; source: string } {
  const file = options.file ? path.resolve(options.cwd, options.file) : CONFIG_FILES.map((f) => path.join(options.cwd, f)).find((f) => existsSync(f));
  if (options.file && !existsSync(file!)) throw new ConfigError(`${options.file}: no such file`);
  const raw = file ? readConfigFile(file) : {};
  const source = file ? path.relative(options.cwd, file) || file : 'demo set-up (no tier0.relay.json)';
  const config = resolveConfig(raw, options.env, file ? source : 'tier0 relay', file ? path.dirname(file) : options.cwd);
  if (options.port !== undefined) config.port = options.port;
  return { config, source };
}
