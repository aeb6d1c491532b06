#!/usr/bin/env node
// `npm test`: type-check, build the deployable dist/ (KB + widget) that the budget and
// real-browser tests exercise, then run every vitest project (unit, then browser).
import { spawnSync } from 'node:child_process';

const steps = [
  ['npx', ['tsc', '--noEmit', '-p', '.']],
  ['npm', ['run', '--silent', 'build']],
  ['npx', ['vitest', 'run', ...process.argv.slice(2)]],
];

for (const [cmd, args] of steps) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
