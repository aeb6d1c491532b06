/**
 * A private Request Tracker 5 (Debian's request-tracker5 + rt5-db-sqlite + rt5-standalone) per
 * test run: its config, SQLite database, sessions, compiled templates and outgoing mail (an mbox
 * file; nothing is sent) all live in one temp folder, and it listens on a free loopback port.
 *
 * The database is made by RT's own rt-setup-database: schema and core data, then our data file
 * (queues, the relay user, the hand-off id field applied to every queue, rights; its @Final block
 * also mints the API tokens, which saves a Perl start-up). That takes seconds, so it is done once
 * per machine and installed RT and copied per instance (templateDatabase); the server start that
 * remains is ~2 s.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const RT_SHARE = '/usr/share/request-tracker5';
const RT_SERVER = `${RT_SHARE}/libexec/rt-server`;
const RT_SETUP = '/usr/sbin/rt-setup-database';

export const RT_DEFAULT_QUEUES = ['General L1', 'Printing', 'Network', 'Accounts'];
/** The relay user's rights on each queue, and on the id field. */
const QUEUE_RIGHTS = ['SeeQueue', 'CreateTicket', 'ShowTicket', 'ModifyTicket', 'CommentOnTicket'];
const FIELD_RIGHTS = ['SeeCustomField', 'ModifyCustomField'];
const RELAY_USER = 'tier0-relay';
/** RT's %PriorityAsString labels for the ITIL priorities; a ticket shows the label at or below its number. */
export const ITIL_PRIORITY_LABELS: ReadonlyArray<readonly [string, number]> = [
  ['P1 Critical', 100], ['P2 High', 75], ['P3 Medium', 50], ['P4 Low', 25], ['P5 Planning', 0],
];
/**
 * Runs "$0 $@" (rt-server) in the background, waits for stdin to close, then TERMs the process
 * group, waits for rt-server to finish and removes the instance's folder. The shell ignores TERM
 * only after rt-server started, so rt-server keeps the default TERM handling.
 */
const WATCHDOG = '"$0" "$@" & rt=$!; trap "" TERM; cat >/dev/null; kill -TERM 0; wait $rt; rm -rf -- "$TIER0_RT_DIR"';
const ROOT_PASSWORD = 'tier0-root-password';

export interface RtInstance {
  /** RT's web root, e.g. http://127.0.0.1:41234 (WebPath is empty). */
  url: string;
  /** The relay user's API token (a privileged user with only the rights above). */
  token: string;
  /** A token of root, to read tickets as a Level 1 agent with full rights would. */
  agentToken: string;
  queues: string[];
  idField: string;
  relayUser: string;
  rootPassword: string;
  dir: string;
  /** Stops the server (its whole process group) and removes the folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface StartRtOptions {
  queues?: string[];
  idField?: string;
  /** The queues the id field is applied to (default: all); the relay user has rights on all. */
  idFieldQueues?: string[];
  /** Build the database afresh instead of copying this machine's template (env TIER0_RT_FRESH=1). */
  fresh?: boolean;
  /** How long to wait for the server to answer (default 60 s, for a busy machine). */
  readyTimeoutMs?: number;
}

/** True when Debian's RT 5 is installed here. */
export function rtInstalled(): boolean {
  return existsSync(RT_SERVER) && existsSync(RT_SETUP);
}

/** A Perl single-quoted string. */
function perl(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function siteConfig(dir: string, port: number): string {
  const set = (name: string, value: string) => `Set($${name}, ${value});`;
  return [
    set('rtname', perl('tier0-test')),
    set('Organization', perl('tier0.test')),
    set('DatabaseType', perl('SQLite')),
    set('DatabaseName', perl(join(dir, 'rt.sqlite'))),
    set('WebDomain', perl('127.0.0.1')),
    set('WebPort', String(port)),
    set('WebPath', perl('')),
    set('WebBaseURL', perl(`http://127.0.0.1:${port}`)),
    set('CorrespondAddress', perl('rt@tier0.test')),
    set('CommentAddress', perl('rt-comment@tier0.test')),
    set('LogToSTDERR', perl('warning')),
    set('LogToSyslog', 'undef'),
    set('LogToFile', 'undef'),
    set('MailCommand', perl('mbox')),
    set('Timezone', perl('UTC')),
    // The five ITIL labels at the RT connector's default numbers (RT_DEFAULT_PRIORITIES), as the
    // README advises sites to configure; stock RT shows only Low / Medium / High.
    `Set(%PriorityAsString, Default => { ${ITIL_PRIORITY_LABELS.map(([label, n]) => `${perl(label)} => ${n}`).join(', ')} });`,
    // RT writes the mbox, sessions and compiled templates under these paths; keep them private.
    `$RT::VarPath = ${perl(join(dir, 'var'))};`,
    `$RT::MasonDataDir = ${perl(join(dir, 'var', 'mason'))};`,
    `$RT::MasonSessionDir = ${perl(join(dir, 'var', 'sessions'))};`,
    '1;',
  ].join('\n');
}

function dataFile(queues: string[], idField: string, idFieldQueues: string[], relayUser: string): string {
  const list = (items: string[]) => `(${items.map(perl).join(', ')})`;
  return `
@Queues = map { { Name => $_, CorrespondAddress => '', CommentAddress => '' } } ${list(queues)};
@Users = ({ Name => ${perl(relayUser)}, EmailAddress => 'relay@tier0.test', RealName => 'Tier0 relay', Privileged => 1 });
@CustomFields = ({ Name => ${perl(idField)}, Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket',
  Description => 'Tier0 hand-off id', Queue => [${idFieldQueues.map(perl).join(', ')}] });
@ACL = (
  (map { my $q = $_; map { { UserId => ${perl(relayUser)}, Queue => $q, Right => $_ } } ${list(QUEUE_RIGHTS)} } ${list(queues)}),
  (map { { UserId => ${perl(relayUser)}, CF => ${perl(idField)}, Right => $_ } } ${list(FIELD_RIGHTS)}),
  { UserId => ${perl(relayUser)}, Right => 'ManageAuthTokens' },
);
@Final = (sub {
  my @tokens;
  for my $name (${perl(relayUser)}, 'root') {
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($name) or die "no user $name";
    my ($ok, $msg, $token) = RT::AuthToken->new(RT->SystemUser)->Create(Owner => $user->id, Description => 'tier0 tests');
    die "token for $name: $msg" unless $ok;
    push @tokens, $token;
  }
  open my $fh, '>', $ENV{TIER0_RT_TOKENS} or die "tokens: $!";
  print $fh join("\\n", @tokens), "\\n";
  close $fh;
});
1;
`;
}

async function waitForRt(url: string, token: string, server: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`rt-server exited (${server.exitCode ?? server.signalCode}):\n${readFileSync(log, 'utf8').slice(-2000)}`);
    }
    try {
      const res = await fetch(`${url}/REST/2.0/rt`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet: poll again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`RT did not answer within ${timeoutMs} ms:\n${readFileSync(log, 'utf8').slice(-2000)}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // rt-server forks its workers: the negative pid reaches the whole process group.
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Writes an instance's config files into `dir` and answers the environment that points RT at them. */
function writeConfig(dir: string, port: number): NodeJS.ProcessEnv {
  for (const sub of ['etc/site.d', 'var/mason', 'var/sessions']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'etc/RT_SiteConfig.pm'), '1;\n');
  writeFileSync(join(dir, 'etc/site.d/50-tier0.pm'), siteConfig(dir, port));
  return { ...process.env, RT_SITE_CONFIG: join(dir, 'etc/RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: join(dir, 'etc/site.d') };
}

/** Creates the database as RT's own tool does: schema and core data, then our data file. */
async function buildDatabase(dir: string, data: string): Promise<void> {
  const env = { ...writeConfig(dir, 80), TIER0_RT_TOKENS: join(dir, 'tokens') };
  const opts = { env, cwd: dir, maxBuffer: 4 * 1024 * 1024 };
  writeFileSync(join(dir, 'root-password'), `${ROOT_PASSWORD}\n`);
  writeFileSync(join(dir, 'data.pl'), data);
  await run(RT_SETUP, ['--action', 'init', '--skip-create', '--root-password-file', join(dir, 'root-password')], opts);
  await run(RT_SETUP, ['--action', 'insert', '--skip-create', '--datafile', join(dir, 'data.pl')], opts);
}

/**
 * The database for these queues and field, built once per machine and installed RT, then copied
 * for each instance: building takes two Perl start-ups (~3–9 s on a busy machine), copying a few
 * milliseconds. The key covers the data file and the installed RT's files, so an upgraded RT or
 * changed data builds afresh. Built in a private folder and renamed into place, so concurrent
 * test processes never see half a database.
 */
async function templateDatabase(data: string, fresh: boolean): Promise<string> {
  const rtFiles = [RT_SETUP, `${RT_SHARE}/lib/RT.pm`, `${RT_SHARE}/etc/schema.SQLite`, `${RT_SHARE}/etc/initialdata`]
    .map((f) => (existsSync(f) ? `${f}:${statSync(f).mtimeMs}:${statSync(f).size}` : f));
  const key = createHash('sha256').update(JSON.stringify([data, rtFiles])).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), 'tier0-rt-cache');
  const ready = join(cache, key);
  if (!fresh && existsSync(join(ready, 'rt.sqlite'))) return ready;
  mkdirSync(cache, { recursive: true });
  const build = mkdtempSync(join(cache, 'build-'));
  try {
    await buildDatabase(build, data);
    if (fresh) return build;
    try {
      renameSync(build, ready);
    } catch {
      // Another process finished the same template first; theirs is as good as ours.
      rmSync(build, { recursive: true, force: true });
    }
    return ready;
  } catch (error) {
    rmSync(build, { recursive: true, force: true });
    throw error;
  }
}

/** Starts a private RT; always call stop(), also when a test fails. */
export async function startRt(options: StartRtOptions = {}): Promise<RtInstance> {
  if (!rtInstalled()) throw new Error('Request Tracker 5 is not installed (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)');
  const queues = options.queues ?? RT_DEFAULT_QUEUES;
  const idField = options.idField ?? 'Tier0 Handoff';
  const fresh = options.fresh ?? process.env.TIER0_RT_FRESH === '1';
  const dir = mkdtempSync(join(tmpdir(), 'tier0-rt-'));
  let server: ChildProcess | undefined;
  try {
    const template = await templateDatabase(dataFile(queues, idField, options.idFieldQueues ?? queues, RELAY_USER), fresh);
    copyFileSync(join(template, 'rt.sqlite'), join(dir, 'rt.sqlite'));
    const [token = '', agentToken = ''] = readFileSync(join(template, 'tokens'), 'utf8').trim().split('\n');
    if (fresh) rmSync(template, { recursive: true, force: true });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = writeConfig(dir, port);
    const log = join(dir, 'rt-server.log');
    const out = openSync(log, 'a');
    // A watchdog shell leads rt-server's process group and holds a pipe from this process: when
    // the pipe closes (stop(), or this test process dies however it dies), it stops the whole
    // group, so no RT outlives its test run.
    server = spawn('/bin/sh', ['-c', WATCHDOG, RT_SERVER, '--host', '127.0.0.1', '--port', String(port), '--max-workers', '2'], {
      env: { ...env, TIER0_RT_DIR: dir }, cwd: dir, detached: true, stdio: ['pipe', out, out],
    });
    closeSync(out);
    const exited = new Promise<void>((resolve) => server?.once('exit', () => resolve()));
    await waitForRt(url, token, server, log, options.readyTimeoutMs ?? 60_000);

    const child = server;
    return {
      url, token, agentToken, queues, idField, relayUser: RELAY_USER, rootPassword: ROOT_PASSWORD, dir,
      async stop() {
        child.stdin?.end();
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
        if (child.exitCode === null && child.signalCode === null) await exited;
        clearTimeout(timer);
        // The master waited for its workers; this only catches a worker that ignored the TERM.
        killGroup(child, 'SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (server) killGroup(server, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    const e = error as Error & { stderr?: string };
    throw new Error(`startRt: ${e.message}${e.stderr ? `\n${e.stderr.slice(-2000)}` : ''}`);
  }
}

/** A ticket as a Level 1 agent sees it in a queue's list. */
export interface RtTicketSummary {
  id: number;
  subject: string;
  queue: string;
  priority: number;
  /** The hand-off id custom field's value, or null. */
  handoffId: string | null;
  requestors: Array<{ email: string; realName: string }>;
}

/** A ticket opened by an agent: the list's columns plus its first message. */
export interface RtTicketView extends RtTicketSummary {
  /** The first message's text (the L1 summary and the description). */
  content: string;
  /** The files attached to the first message, decoded. */
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

type Json = Record<string, any>;

async function getJson(rt: RtInstance, path: string): Promise<Json> {
  const res = await fetch(`${rt.url}/REST/2.0${path}`, { headers: { Authorization: `token ${rt.agentToken}` } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
}

const SUMMARY_FIELDS = {
  fields: 'Subject,Priority,Queue,CustomFields,Requestor',
  'fields[Queue]': 'Name',
  'fields[Requestor]': 'EmailAddress,RealName',
};

function summary(rt: RtInstance, item: Json): RtTicketSummary {
  // RT answers {} instead of [] for a ticket whose queue has no custom fields.
  const fields: Json[] = Array.isArray(item.CustomFields) ? item.CustomFields : [];
  const field = fields.find((f) => f.name === rt.idField);
  return {
    id: Number(item.id),
    subject: item.Subject,
    queue: item.Queue.Name,
    priority: Number(item.Priority),
    handoffId: field?.values?.[0] ?? null,
    requestors: (item.Requestor as Json[]).map((r) => ({ email: r.EmailAddress, realName: r.RealName })),
  };
}

/** The tickets in one queue (or every queue when null), oldest first, all pages. */
export async function listRtTickets(rt: RtInstance, queue: string | null): Promise<RtTicketSummary[]> {
  const query = queue === null ? 'id > 0' : `Queue = '${queue.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const tickets: RtTicketSummary[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ query, orderby: 'id', order: 'ASC', per_page: '100', page: String(page), ...SUMMARY_FIELDS });
    const list = await getJson(rt, `/tickets?${params}`);
    tickets.push(...(list.items as Json[]).map((item) => summary(rt, item)));
    if ((list.items as Json[]).length < 100) return tickets;
  }
}

/**
 * How many tickets match a TicketSQL query (e.g. `'CF.{Tier0 Handoff}' STARTSWITH 'burst-1-'`):
 * one request for ids only, cheap enough to poll while RT is busy creating tickets, unlike
 * listRtTickets, which makes RT load every ticket's fields and people.
 */
export async function countRtTickets(rt: RtInstance, query: string): Promise<number> {
  const found = await getJson(rt, `/tickets?${new URLSearchParams({ query, per_page: '1' })}`);
  return Number(found.total);
}

/**
 * One ticket with its first message, as an agent opening it reads it. RT 5.0.3 answers 500 to
 * ?fields= on attachment lists, so each attachment of the create transaction is fetched alone.
 */
export async function readRtTicket(rt: RtInstance, id: number): Promise<RtTicketView> {
  // A search for one id, since a single ticket's GET ignores fields[Requestor].
  const found = await getJson(rt, `/tickets?${new URLSearchParams({ query: `id = ${id}`, ...SUMMARY_FIELDS })}`);
  const item = (found.items as Json[])[0];
  if (!item) throw new Error(`RT has no ticket ${id}`);
  const history = await getJson(rt, `/ticket/${id}/history?fields=Type&per_page=100`);
  const create = (history.items as Json[]).find((t) => t.Type === 'Create');
  const parts: Json[] = [];
  if (create) {
    const list = await getJson(rt, `/transaction/${create.id}/attachments?per_page=100`);
    for (const a of list.items as Json[]) parts.push(await getJson(rt, `/attachment/${a.id}`));
  }
  const decode = (p: Json) => Buffer.from(String(p.Content ?? ''), 'base64');
  const body = parts.find((p) => !p.Filename && String(p.ContentType).startsWith('text/'));
  return {
    ...summary(rt, item),
    content: body ? decode(body).toString('utf8') : '',
    attachments: parts.filter((p) => p.Filename).map((p) => ({ filename: p.Filename, contentType: p.ContentType, content: decode(p) })),
  };
}

/**
 * What an agent's browser shows for a ticket: logs in as root, loads Ticket/Display.html and the
 * history RT loads into it by script, and returns both pages' text with the markup stripped
 * (line breaks kept where RT renders <br>).
 */
export async function rtTicketPageText(rt: RtInstance, id: number): Promise<{ display: string; history: string; historyHtml: string }> {
  const login = await fetch(`${rt.url}/NoAuth/Login.html`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user: 'root', pass: rt.rootPassword }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`RT login failed: HTTP ${login.status}`);
  const page = async (path: string) => {
    const res = await fetch(`${rt.url}${path}`, { headers: { Cookie: cookie } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.text();
  };
  const display = await page(`/Ticket/Display.html?id=${id}`);
  const historyHtml = await page(`/Helpers/TicketHistory?id=${id}`);
  return { display: htmlText(display), history: htmlText(historyHtml), historyHtml };
}

/** Visible text of an RT page: scripts and tags dropped, <br> and block ends as line breaks. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** The outgoing mail RT wrote to its mbox (RT mails requestors on create). */
export function rtOutgoingMail(rt: RtInstance): string {
  const var_ = join(rt.dir, 'var');
  return readdirSync(var_).filter((f) => f.endsWith('.mbox')).map((f) => readFileSync(join(var_, f), 'utf8')).join('\n');
}
