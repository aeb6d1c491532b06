/**
 * Writes a KB bundle folder. Every file but manifest.json is content-addressed, so files are
 * written first (skipping ones already there from an earlier build), the manifest last and
 * atomically (rename), and only then are files of earlier builds removed: a reader always sees
 * either the old manifest with its files or the new one with its files.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from './pool.ts';

/** Folders and names the compiler owns inside the bundle folder; nothing else is ever deleted. */
const OWNED = /^(?:index\.[0-9a-f]+\.json|manifest\.json(?:\.tmp)?|articles\/[^/]+\.json|media\/[^/]+)$/;

/** Writes `files` (bundle-relative name → content) and then `manifest.json`, removing stale files. */
export async function writeBundle(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, manifest: string): Promise<void> {
  await mkdir(path.join(outDir, 'articles'), { recursive: true });
  await mkdir(path.join(outDir, 'media'), { recursive: true });
  await mapLimit([...files], 32, async ([name, content]) => {
    const target = path.join(outDir, name);
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isFile() && existing.size === size) return;
    await writeFile(target, content);
  });
  const temporary = path.join(outDir, 'manifest.json.tmp');
  await writeFile(temporary, manifest);
  await rename(temporary, path.join(outDir, 'manifest.json'));
  await removeStale(outDir, new Set([...files.keys(), 'manifest.json']));
}

async function removeStale(outDir: string, keep: Set<string>): Promise<void> {
  const candidates: string[] = [];
  for (const folder of ['', 'articles', 'media']) {
    const entries = await readdir(path.join(outDir, folder), { withFileTypes: true });
    for (const entry of entries) {
      const name = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isFile() && OWNED.test(name) && !keep.has(name)) candidates.push(name);
    }
  }
  await mapLimit(candidates, 32, (name) => rm(path.join(outDir, name), { force: true }));
}
