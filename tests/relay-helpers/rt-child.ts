/**
 * Starts a private RT, prints its URL and folder as one JSON line, then waits to be killed: the
 * harness test checks that RT does not outlive a test process that dies without cleaning up.
 *
 *   node --import tsx tests/relay-helpers/rt-child.ts
 */
import { startRt } from './rt-instance.ts';

const rt = await startRt();
console.log(JSON.stringify({ url: rt.url, dir: rt.dir, token: rt.token }));
setInterval(() => {}, 60_000);
