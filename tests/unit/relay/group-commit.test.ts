import { describe, expect, it } from 'vitest';
import { groupCommit, type Settled } from '../../../scripts/relay/store/group-commit.ts';

/** A commit whose completion the test controls, recording each batch it was given. */
function controlledCommit() {
  const batches: number[][] = [];
  const release: Array<() => void> = [];
  const commit = (items: number[]) => {
    batches.push(items);
    return new Promise<Settled<string>[]>((resolve) => {
      release.push(() => resolve(items.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: `stored ${n}` }))));
    });
  };
  return { commit, batches, release };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('groupCommit', () => {
  it('commits the calls of one turn together and resolves each only after the commit', async () => {
    const { commit, batches, release } = controlledCommit();
    const group = groupCommit(commit, { maxInFlight: 1, maxBatch: 100 });
    let settled = 0;
    const calls = [1, 2, 3].map((n) => group.submit(n).then((v) => (settled++, v)));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    expect(settled).toBe(0);
    release[0]!();
    expect(await Promise.all(calls)).toEqual(['stored 1', 'stored 2', 'stored 3']);
  });

  it('gathers the calls made while a commit runs into the next batch', async () => {
    const { commit, batches, release } = controlledCommit();
    const group = groupCommit(commit, { maxInFlight: 1, maxBatch: 100 });
    const first = group.submit(1);
    await tick();
    const later = [2, 3, 4].map((n) => group.submit(n));
    await tick();
    expect(batches).toEqual([[1]]);
    release[0]!();
    await first;
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release[1]!();
    expect(await Promise.all(later)).toEqual(['stored 2', 'stored 3', 'stored 4']);
  });

  it('runs up to maxInFlight batches at once, each at most maxBatch long', async () => {
    const { commit, batches, release } = controlledCommit();
    const group = groupCommit(commit, { maxInFlight: 2, maxBatch: 2 });
    const calls = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4]]);
    release[0]!();
    await calls[1];
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    release[1]!();
    release[2]!();
    await Promise.all(calls);
  });

  it('fails only the calls the commit failed, and every call when the commit throws', async () => {
    const partial = groupCommit(controlledCommitNow(), { maxInFlight: 1, maxBatch: 10 });
    const results = await Promise.allSettled([partial.submit(1), partial.submit(-2), partial.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

    const broken = groupCommit<number, string>(() => Promise.reject(new Error('disk full')), { maxInFlight: 1, maxBatch: 10 });
    const all = await Promise.allSettled([broken.submit(1), broken.submit(2)]);
    expect(all.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok'))).toEqual(['disk full', 'disk full']);
  });

  it('drains: resolves once every call made so far is settled', async () => {
    const { commit, release } = controlledCommit();
    const group = groupCommit(commit, { maxInFlight: 1, maxBatch: 100 });
    await group.drain();
    const call = group.submit(1);
    let drained = false;
    const draining = group.drain().then(() => (drained = true));
    await tick();
    expect(drained).toBe(false);
    release[0]!();
    await draining;
    await expect(call).resolves.toBe('stored 1');
  });
});

function controlledCommitNow() {
  return (items: number[]): Settled<string>[] =>
    items.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: `stored ${n}` }));
}
