#!/usr/bin/env node
// The `tier0` command. Our tools are TypeScript sharing code with the widget (one search
// module for the CLI and the browser), so they run through tsx: no build step is needed
// between `npm install` and `npx tier0 …`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
