/** `tier0` command dispatcher: each subcommand lives in its own module and returns an exit code. */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./kb/build-command.ts')).buildCommand,
  check: async () => (await import('./kb/check-command.ts')).checkCommand,
  search: async () => (await import('./kb/search-command.ts')).searchCommand,
  demo: async () => (await import('./demo/demo-server.ts')).demoCommand,
  bench: async () => (await import('./bench/bench.ts')).benchCommand,
  relay: async () => (await import('./relay/relay-command.ts')).relayCommand,
};

const usage = `usage: tier0 <command> [options]

  build  [--content DIR] [--out DIR] [--strict]     compile the knowledge base (default kb-content/ -> dist/kb/)
  check  [--content DIR] [--strict]                 validate articles without writing
  search [--kb DIR] [--limit N] [--json] [QUERY…]   search a built bundle as the widget does (stdin: one query per line)
  demo   [--port N]                                 build everything and serve the demo page with a ticket inbox
  relay  [--config FILE] [--port N]                  run the Level 1 relay (retry|status: manage its queue)
  bench                                             print performance figures as JSON`;

/** Runs one tier0 subcommand and resolves to its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`tier0: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return (await load())(rest);
}
