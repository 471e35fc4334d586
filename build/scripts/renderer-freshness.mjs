// Whether dist/renderer is older than its sources (build.mjs and start.mjs rebuild it only then).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['renderer', 'shared', 'templates', 'vite.config.ts', 'build/antd-static-css.ts', 'package-lock.json'];

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) visit(join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** The built index.html, and whether it is at least as new as every renderer input. */
export function rendererBuildState(root) {
  const index = join(root, 'dist', 'renderer', 'index.html');
  const upToDate = existsSync(index) && statSync(index).mtimeMs >= newestMtime(INPUTS.map((p) => join(root, p)));
  return { index, upToDate };
}
