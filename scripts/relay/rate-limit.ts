/**
 * Token buckets for the relay's per-client and global limits: `burst` tickets at once, refilled
 * at `perSecond`. A refused take says how long until the next token, for Retry-After. Client
 * addresses are kept only as bucket keys in memory, never logged, and the map is bounded: when
 * it is full, buckets that have refilled completely (they hold no information) are dropped first.
 */
export interface RateLimiter {
  /** Takes one token for `key` at `now` (ms); refused with the wait until one is free. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterMs: number };
  /** How many keys are tracked (for tests and metrics). */
  size(): number;
}

export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  /** Most keys kept. Default 50,000. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A keyed token-bucket limiter. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { burst, perSecond } = options;
  const maxKeys = options.maxKeys ?? 50_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, now: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
  };

  const prune = (now: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, now);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
    // Still full of active clients: forget the oldest (Map keeps insertion order). A forgotten
    // client gets a fresh burst, which errs toward letting people through.
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) prune(now);
        bucket = { tokens: burst, at: now };
        buckets.set(key, bucket);
      } else refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / perSecond) * 1000) };
    },
    size: () => buckets.size,
  };
}
