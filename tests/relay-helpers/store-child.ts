/**
 * A second relay process for the store tests: opens the store at argv[2] and either accepts
 * tickets (`accept PREFIX N`: keys PREFIX-0 … PREFIX-N-1) or claims until the queue is empty
 * (`claim WORKER`), then prints what it got as one JSON line. `crash PREFIX N` accepts, prints,
 * and dies by SIGKILL at once: no close, no flush, as in a crash.
 *
 *   node --import tsx tests/relay-helpers/store-child.ts sqlite:/tmp/x/relay.db claim w2
 */
import { openStore } from '../../scripts/relay/store/open-store.ts';
import { makeAccept } from './store-kinds.ts';

const [url, action, arg, count] = process.argv.slice(2);
const store = await openStore(url!);
const out: string[] = [];
if (action === 'accept' || action === 'crash') {
  const results = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) => store.accept(makeAccept({ idempotencyKey: `${arg}-${i}` }))),
  );
  out.push(...results.map((r) => `${r.record.idempotencyKey}=${r.record.ticketId}`));
} else if (action === 'claim') {
  for (;;) {
    const batch = await store.claim(arg!, new Date('2030-01-01T00:00:00.000Z'), 60_000, 1);
    if (batch.length === 0) break;
    out.push(...batch.map((r) => r.ticketId));
  }
} else {
  throw new Error(`store-child: unknown action ${action}`);
}
if (action === 'crash') {
  process.stdout.write(`${JSON.stringify(out)}\n`, () => process.kill(process.pid, 'SIGKILL'));
} else {
  await store.close();
  console.log(JSON.stringify(out));
}
