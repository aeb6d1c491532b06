/**
 * The config's `store` value → an open, migrated store: `sqlite:PATH` (or a bare path), relative
 * to the current folder, or a `postgres://` / `postgresql://` URL.
 */
import { resolve } from 'node:path';
import type { RelayStore } from '../relay-types.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

const HINT = 'use sqlite:PATH or a postgres:// URL';

/** Where a `store` value points; throws a `store: … — use …` Error for anything else. */
export function parseStoreUrl(url: string, cwd = process.cwd()): StoreLocation {
  const value = url.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  const sqlite = /^sqlite:/i.test(value) ? value.slice('sqlite:'.length) : value;
  // A scheme of two letters or more is a URL we do not speak (mysql://, http://, file:); a bare
  // path has none.
  if (sqlite === value && /^[a-z][a-z0-9+.-]+:/i.test(value)) {
    throw new Error(`store: "${redact(value)}" is not a store we know — ${HINT}`);
  }
  if (sqlite.trim() === '') throw new Error(`store: "${value}" names no file — ${HINT}`);
  if (sqlite.startsWith('//')) throw new Error(`store: "${value}" looks like a URL, not a path — write sqlite:PATH, e.g. sqlite:./data/relay.db`);
  return { kind: 'sqlite', file: resolve(cwd, sqlite) };
}

/** Opens the store the URL names and applies its pending migrations. */
export async function openStore(url: string): Promise<RelayStore> {
  const location = parseStoreUrl(url);
  const where = location.kind === 'postgres' ? redact(location.url) : location.file;
  let store: RelayStore | undefined;
  try {
    store = location.kind === 'postgres' ? openPostgresStore(location.url) : openSqliteStore(location.file);
    await store.migrate();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message.replace(/^store: /, '') : String(error);
    throw new Error(`store: cannot open ${where}: ${reason}`, { cause: error });
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
