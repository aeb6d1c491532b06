/** Content hashes for bundle file names: the same bytes always get the same name. */
import { createHash } from 'node:crypto';

/** First 10 hex digits of the SHA-256 of `content` (enough to tell bundle files apart). */
export function shortHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}
