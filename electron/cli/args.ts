/** Minimal argv parsing for the CLI: positionals, `--flag`, `--key value`, `--key=value`, `-o value`. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

const ALIASES: Record<string, string> = { o: 'out', h: 'help' };

export function parseArgs(argv: string[], valueOptions: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const name = ALIASES[m[1]!] ?? m[1]!;
    if (m[2] !== undefined) options[name] = m[2];
    else if (valueOptions.includes(name)) {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`选项 --${name} 需要一个值。`);
      options[name] = next;
      i++;
    } else options[name] = true;
  }
  return { positionals, options };
}

/** Wrong usage: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}
