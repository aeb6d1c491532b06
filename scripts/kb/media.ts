/**
 * Images referenced by articles, copied into `<bundle>/media/<name>.<hash>.<ext>`: the hash
 * keeps old and new builds apart (see kb-format.ts), the name keeps the folder readable.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { shortHash } from './hash.ts';

export interface MediaStore {
  /** Bundle-relative URL for an image file, or undefined when there is no such file. */
  urlFor(file: string): string | undefined;
  /** Bundle file name → bytes, for everything handed out so far. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Creates a media store; with `copy` false (tier0 check) it only checks that images exist. */
export function createMediaStore(copy: boolean): MediaStore {
  const urls = new Map<string, string | undefined>();
  const files = new Map<string, Uint8Array>();
  const add = (file: string): string | undefined => {
    if (!copy) return isFile(file) ? `media/${path.basename(file)}` : undefined;
    const bytes = readIfFile(file);
    if (!bytes) return undefined;
    const extension = path.extname(file).toLowerCase();
    const stem = path.basename(file, path.extname(file)).replace(/[^\w.-]+/g, '-') || 'image';
    const name = `media/${stem}.${shortHash(bytes)}${extension}`;
    files.set(name, bytes);
    return name;
  };
  return {
    urlFor(file) {
      if (!urls.has(file)) urls.set(file, add(file));
      return urls.get(file);
    },
    files,
  };
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function readIfFile(file: string): Uint8Array | undefined {
  return isFile(file) ? readFileSync(file) : undefined;
}
