/** A tiny fixture KB (built with the real index builder) and factories for widget tests. */
import { buildSearchIndex } from '../../../widget/core/search/build-index.ts';
import { KB_SCHEMA_VERSION, type ArticleBody, type ArticleMeta, type KbIndex, type KbManifest } from '../../../widget/core/kb-format.ts';
import type { KbClient, Result } from '../../../widget/services/kb-client.ts';
import type { SessionStore } from '../../../widget/services/session-store.ts';
import type { PersistedState } from '../../../widget/core/state.ts';

/** Article metadata with sensible defaults. */
export function makeMeta(overrides: Partial<ArticleMeta> & { id: string }): ArticleMeta {
  return {
    title: overrides.id,
    description: '',
    category: overrides.id.split('/')[0] ?? 'general',
    tags: [],
    aliases: [],
    pages: [],
    headings: [],
    summary: '',
    body: `articles/${overrides.id.replace(/\W/g, '-')}.json`,
    hasFlow: false,
    ...overrides,
  };
}

export const FIXTURE_ARTICLES: ArticleMeta[] = [
  makeMeta({ id: 'printing/printer-offline', title: 'Printer shows "Offline"', description: 'Get an offline printer printing again.', aliases: ['printer offline', 'cant print'], tags: ['printer'], summary: 'Use this when your printer is offline.' }),
  makeMeta({ id: 'printing/paper-jam', title: 'Clear a paper jam', description: 'Safely remove jammed paper from a printer.', tags: ['printer'], summary: 'Open the tray and remove the paper.' }),
  makeMeta({ id: 'printing/add-printer', title: 'Add a printer', description: 'Install a printer on your computer.', tags: ['printer'], summary: 'Add a printer from settings.' }),
  makeMeta({ id: 'printing/printer-driver', title: 'Install a printer driver', description: 'Update printer driver software.', tags: ['printer', 'driver'], summary: 'Drivers let your computer talk to the printer.' }),
  makeMeta({ id: 'printing/print-queue', title: 'Clear stuck print jobs', description: 'Clear a stuck print queue.', tags: ['printer', 'queue'], summary: 'Cancel the jobs in the queue.' }),
  makeMeta({ id: 'accounts/reset-password', title: 'Reset your password', description: 'Reset a forgotten password.', aliases: ['forgot password', 'locked out'], pages: ['/account/*'], summary: 'Go to the password page.' }),
  makeMeta({ id: 'network/vpn', title: 'Connect to the VPN', description: 'Set up the VPN client.', aliases: ['vpn not working'], summary: 'Open the VPN client.' }),
];

export const FIXTURE_BODIES: Record<string, ArticleBody> = Object.fromEntries(FIXTURE_ARTICLES.map((a) => [a.id, {
  id: a.id,
  html: a.id === 'printing/printer-offline'
    ? '<h1>Printer shows "Offline"</h1><p>Check the <a href="#power">power</a> first.</p><h2 id="power">Power</h2><pre><code>lpstat -p</code></pre><p>See <a href="../accounts/reset-password.md" data-tier0-article="accounts/reset-password">Reset your password</a>.</p><img src="media/x.png" alt="x" onerror="alert(1)"><script>alert(1)</script>'
    : `<p>${a.summary}</p>`,
}]));

/** The fixture KbIndex, with a real serialized search index. */
export function makeIndex(articles: ArticleMeta[] = FIXTURE_ARTICLES): KbIndex {
  const search = buildSearchIndex(articles.map((a) => ({
    id: a.id,
    title: a.title,
    aliases: a.aliases,
    tags: a.tags,
    headings: a.headings,
    description: a.description,
    body: a.summary,
  })), { synonyms: [] });
  return { schema: KB_SCHEMA_VERSION, version: 'test', articles, search };
}

/** The fixture manifest. */
export function makeManifest(overrides: Partial<KbManifest> = {}): KbManifest {
  return {
    schema: KB_SCHEMA_VERSION,
    version: 'test',
    builtAt: '2026-11-01T00:00:00.000Z',
    articleCount: FIXTURE_ARTICLES.length,
    index: 'index.test.json',
    categories: [
      { id: 'printing', title: 'Printing', count: 5 },
      { id: 'accounts', title: 'Accounts', count: 1 },
      { id: 'network', title: 'Network', count: 1 },
    ],
    files: [],
    ...overrides,
  };
}

/** An in-memory KB client; `fail` makes every call fail (an unreachable KB). */
export function makeClient(opts: { fail?: boolean; index?: KbIndex } = {}): KbClient & { calls: string[]; fail: boolean } {
  const index = opts.index ?? makeIndex();
  const byBody = new Map(FIXTURE_ARTICLES.map((a) => [a.body, FIXTURE_BODIES[a.id]!]));
  const client = {
    calls: [] as string[],
    fail: opts.fail ?? false,
    async manifest(): Promise<Result<KbManifest>> {
      client.calls.push('manifest');
      return client.fail ? { ok: false, error: '[tier0] cannot reach the KB — test' } : { ok: true, value: makeManifest() };
    },
    async index(): Promise<Result<KbIndex>> {
      client.calls.push('index');
      return client.fail ? { ok: false, error: '[tier0] cannot reach the KB — test' } : { ok: true, value: index };
    },
    async article(body: string): Promise<Result<ArticleBody>> {
      client.calls.push(body);
      const b = byBody.get(body);
      return client.fail || !b ? { ok: false, error: '[tier0] article missing — test' } : { ok: true, value: b };
    },
  };
  return client;
}

/** An in-memory session store. */
export function makeSession(initial?: Partial<PersistedState>): SessionStore & { saved?: PersistedState } {
  const s: SessionStore & { saved?: PersistedState } = {
    saved: initial as PersistedState | undefined,
    load: () => s.saved,
    save: (state) => { s.saved = state; },
    clear: () => { s.saved = undefined; },
  };
  return s;
}
