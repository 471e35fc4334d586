#!/usr/bin/env node
// `nianbao` (npx nianbao …, npm run --silent nianbao -- …): runs the bundled command-line tool,
// rebuilding dist/cli first when a source is newer than it (build/scripts/cli-freshness.mjs: a
// stat of the bundle's inputs, a few milliseconds). esbuild is loaded only for a rebuild.
import { createRequire } from 'node:module';
import { cliBuildState } from '../build/scripts/cli-freshness.mjs';

// require() of built-ins: see cli-freshness.mjs.
const { fileURLToPath, pathToFileURL } = createRequire(import.meta.url)('node:url');
const root = fileURLToPath(new URL('..', import.meta.url));
let state = cliBuildState(root);
if (!state.upToDate) {
  process.stderr.write('[nianbao] 正在构建命令行工具（源代码有更新或首次运行，只需几秒）……\n');
  try {
    const { ensureCli } = await import('../build/scripts/cli-build.mjs');
    state = await ensureCli(root);
  } catch (e) {
    process.stderr.write(
      `[nianbao] 命令行工具构建失败：${e instanceof Error ? e.message : String(e)}\n` +
        '请先在项目文件夹中运行 npm install，然后重试。\n',
    );
    process.exit(2);
  }
}
const cli = await import(pathToFileURL(state.bundle).href);
await cli.runFromProcess();
