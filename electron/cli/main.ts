// nianbao: the command-line tool. `npx nianbao <command>` or `npm run --silent nianbao -- <command>`
// run bin/nianbao.mjs, which runs the bundle of this file (dist/cli/nianbao.mjs, rebuilt by
// build/scripts/cli-build.mjs when a source is newer). Each command loads what it needs when it
// runs (commands/index.ts), so `help` starts nothing heavy.
import { COMMANDS, type CommandEntry } from './commands/index';
import { parseArgs, UsageError } from './args';
import { loadWithCodeCache, type CachedScript } from '../services/code-cache';
import type { CliCommand, CliIo } from './command';
import { nodeRequire } from './node-require';

const { realpathSync } = nodeRequire('node:fs') as typeof import('node:fs');
const { dirname, join } = nodeRequire('node:path') as typeof import('node:path');
const { fileURLToPath } = nodeRequire('node:url') as typeof import('node:url');
const { setFlagsFromString } = nodeRequire('node:v8') as typeof import('node:v8');

/**
 * Set by build/scripts/cli-build.mjs in the bundle: command name → its CommonJS script beside the
 * bundle, loaded with V8's code cache (code-cache.ts). Undeclared when run from the sources.
 */
declare const __NB_COMMAND_SCRIPTS__: Readonly<Record<string, string>> | undefined;

export async function main(
  argv: string[],
  io: CliIo,
  load: (entry: CommandEntry) => Promise<CliCommand> = (entry) => entry.load(),
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(target ? `${(await load(target)).usage}\n` : overview());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`未知命令“${name}”。\n\n${overview()}`);
    return 2;
  }
  const command = await load(entry);
  try {
    if (parseArgs(rest, command.valueOptions).options.help) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`出错了：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    '年报编制助手命令行工具',
    '',
    '用法：npx nianbao <命令> [参数]',
    '    （在项目文件夹中；也可以用 npm run --silent nianbao -- <命令> [参数]）',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '查看某个命令的说明：npx nianbao help <命令>',
    '',
  ].join('\n');
}

/** Runs the command line of this process and sets its exit code. */
export async function runFromProcess(): Promise<number> {
  const argv = process.argv.slice(2);
  // `help` and the commands of one report (export, new, rollover) end within a few hundred
  // milliseconds. V8's optimising compiler (TurboFan) would compile the docx writer's and the
  // checks' functions on background threads for code that has already run: about a third of the
  // CPU time of `export --docx` (0.35 → 0.25 s), the wall time less on a busy machine. Only for
  // this process (the CLI's own); import, batch, check and aggregate loop over many files, pages
  // or units and keep it. main() alone (tests calling it in their own process) leaves V8 as it is.
  const entry = COMMANDS.find((c) => c.name === argv[0]);
  if (!entry || entry.oneReport) setFlagsFromString('--no-opt');
  let script: CachedScript<{ command: CliCommand }> | undefined;
  const code = await main(
    argv,
    {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      cwd: process.cwd(),
      isTTY: Boolean(process.stderr.isTTY),
    },
    async (command) => {
      const file = typeof __NB_COMMAND_SCRIPTS__ === 'object' ? __NB_COMMAND_SCRIPTS__[command.name] : undefined;
      // NIANBAO_CODE_CACHE=0: the command's modules as without the code cache (for comparison).
      if (!file || process.env.NIANBAO_CODE_CACHE === '0') return command.load();
      script = loadWithCodeCache(join(dirname(fileURLToPath(import.meta.url)), file));
      if (process.env.NIANBAO_DEBUG_CODE_CACHE) {
        process.stderr.write(`[nianbao] ${file}: ${script.cacheUsed ? 'code cache used' : 'no code cache'}\n`);
      }
      return script.exports.command;
    },
  );
  // Made while the process ends anyway, and only when there was none or V8 refused it.
  script?.saveCache();
  process.exitCode = code;
  return code;
}

// Run directly (`node dist/cli/nianbao.mjs …`, `tsx electron/cli/main.ts …`); bin/nianbao.mjs
// imports the bundle and calls runFromProcess itself.
const entry = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) void runFromProcess();
