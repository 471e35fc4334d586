// `node --import <this file>`: appends the URL of every module the process loads to the file named
// by NIANBAO_LOAD_LOG (the hooks run on Node's loader thread), and of every CommonJS script the CLI
// runs through its code cache (electron/services/code-cache.ts reads those with fs.readFileSync). Used to
// see which parts of the bundled CLI a command loads.
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./record-loads-hooks.mjs', import.meta.url);

const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (process.env.NIANBAO_LOAD_LOG && typeof path === 'string' && path.endsWith('.cjs'))
    fs.appendFileSync(process.env.NIANBAO_LOAD_LOG, `${pathToFileURL(path).href}\n`);
  return readFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
