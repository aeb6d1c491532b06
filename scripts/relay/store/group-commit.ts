/**
 * Group commit: calls made while earlier batches are being committed wait, and are then written
 * together in one transaction (one disk flush), each caller settled only after that commit.
 * A durable commit costs a disk flush of a millisecond or more; sharing it is what lets a relay
 * accept hundreds of tickets a second without weakening "stored before answered".
 *
 * No timer: a lone call is committed on the next turn of the event loop, and under load a batch
 * is whatever arrived while the previous commits ran, so batches grow with the load.
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Batches committed at the same time (SQLite: 1, one writer; PostgreSQL: a few connections). */
  maxInFlight: number;
  /** The most calls in one batch. */
  maxBatch: number;
}

export interface GroupCommit<In, Out> {
  submit(item: In): Promise<Out>;
  /** Resolves once every call submitted so far has been settled. */
  drain(): Promise<void>;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches calls to `commit`, which stores a batch and answers one result per item, in order
 * (failing only the items that failed), or throws when nothing of the batch was stored.
 */
export function groupCommit<In, Out>(
  commit: (items: In[]) => Promise<Settled<Out>[]> | Settled<Out>[],
  options: GroupCommitOptions,
): GroupCommit<In, Out> {
  let waiting: Waiting<In, Out>[] = [];
  let inFlight = 0;
  let scheduled = false;
  let idle: Array<() => void> = [];

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn: every request already received
    // joins the batch.
    setImmediate(pump);
  }

  function pump(): void {
    scheduled = false;
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(batch.length);
      inFlight++;
      void run(batch);
    }
    if (inFlight === 0 && waiting.length === 0) {
      const callbacks = idle;
      idle = [];
      for (const done of callbacks) done();
    }
  }

  async function run(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const results = await commit(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const result = results[i];
        if (!result) w.reject(new Error('store: group commit answered fewer results than calls'));
        else if (result.ok) w.resolve(result.value);
        else w.reject(result.error);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      inFlight--;
      schedule();
    }
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (inFlight === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle.push(resolve);
        schedule();
      });
    },
  };
}
