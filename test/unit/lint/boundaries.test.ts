import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture boundaries of eslint.config.js must fail on a violation. Each case lints a
 * virtual file (not on disk) at a place in the tree with the project's own configuration; the
 * imports name real files so that the resolver sees what a real violation would be.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const BOUNDARY = /no-restricted-imports|import-x\/no-restricted-paths/;

describe('architecture boundaries as lint rules', () => {
  it.each([
    ['shared/ imports a Node built-in', 'shared/model/virtual.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/ imports a Node built-in without node:', 'shared/model/virtual.ts', "import { join } from 'path';"],
    ['shared/ imports Electron', 'shared/service/virtual.ts', "import { ipcRenderer } from 'electron';"],
    [
      'shared/ imports electron/',
      'shared/checks/virtual.ts',
      "import { createService } from '../../electron/services/index';",
    ],
    [
      'shared/ imports the renderer',
      'shared/model/virtual.ts',
      "import { formatTime } from '../../renderer/src/logic/format-time';",
    ],
    ['templates/ import shared/', 'templates/virtual.ts', "import type { Report } from '../shared/model/types';"],
    [
      'the renderer imports electron/',
      'renderer/src/virtual.ts',
      "import { registerIpc } from '../../electron/main/ipc';",
    ],
    [
      'the renderer imports the preload',
      'renderer/src/virtual.ts',
      "import { createApi } from '../../electron/preload/bridge';",
    ],
    ['the renderer imports a Node built-in', 'renderer/src/virtual.ts', "import { readFile } from 'node:fs/promises';"],
    ['a service imports the CLI', 'electron/services/virtual.ts', "import { main } from '../cli/main';"],
    [
      'a service imports the main process',
      'electron/services/virtual.ts',
      "import { createLogger } from '../main/logger';",
    ],
    ['the server imports the CLI', 'electron/server/virtual.ts', "import { main } from '../cli/main';"],
    [
      'the preload imports the main process',
      'electron/preload/virtual.ts',
      "import { registerIpc } from '../main/ipc';",
    ],
    [
      'the main process imports the preload',
      'electron/main/virtual.ts',
      "import { createApi } from '../preload/bridge';",
    ],
  ])('%s fails', async (_what, file, code) => {
    const found = await problems(file, `${code}\nexport const x = 1;\n`);
    expect(
      found.filter((p) => BOUNDARY.test(p)),
      found.join('\n'),
    ).toHaveLength(1);
  });

  it.each([
    [
      'shared/ imports shared/ and templates/',
      'shared/model/virtual.ts',
      "import { GOV_2021 } from '../../templates/index';",
    ],
    [
      'the renderer imports the service API',
      'renderer/src/virtual.ts',
      "import { toServiceError } from '../../shared/service/errors';",
    ],
    [
      'the preload imports the IPC contract',
      'electron/preload/virtual.ts',
      "import { apiChannel } from '../../shared/service/ipc';",
    ],
    ['the CLI imports a service', 'electron/cli/virtual.ts', "import { createService } from '../services/index';"],
    [
      'the main process imports Node and Electron',
      'electron/main/virtual.ts',
      "import { join } from 'node:path';\nimport { app } from 'electron';",
    ],
  ])('%s passes', async (_what, file, code) => {
    const names = [...code.matchAll(/import \{ (\w+)/g)].map((m) => m[1]);
    const found = await problems(file, `${code}\nexport const used = [${names.join(', ')}];\n`);
    expect(found).toEqual([]);
  });

  it('an eslint-disable comment without its reason fails; with `-- reason` it passes', async () => {
    const bare = await problems('shared/model/virtual.ts', '// eslint-disable-next-line no-debugger\ndebugger;\n');
    expect(bare.filter((p) => p.startsWith('local/disable-needs-reason'))).toHaveLength(1);
    const reasoned = await problems(
      'shared/model/virtual.ts',
      '// eslint-disable-next-line no-debugger -- stops here while the parser is traced\ndebugger;\n',
    );
    expect(reasoned).toEqual([]);
  });

  it('a file over 300 lines fails without a `Length:` reason in its opening comment; with one it passes', async () => {
    const body = Array.from({ length: 301 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    const long = await problems('shared/model/virtual.ts', `/** Values. */\n${body}`);
    expect(long.filter((p) => p.startsWith('local/long-file-needs-reason'))).toHaveLength(1);
    const reasoned = await problems('shared/model/virtual.ts', `/**\n * Values.\n *\n * Length: data.\n */\n${body}`);
    expect(reasoned).toEqual([]);
    const short = await problems('shared/model/virtual.ts', body.split('\n').slice(0, 290).join('\n') + '\n');
    expect(short).toEqual([]);
  });
});
