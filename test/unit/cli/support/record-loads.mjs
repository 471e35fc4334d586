// `node --import <this file>`: appends the URL of every module the process loads to the file named
// by NIANBAO_LOAD_LOG (the hooks run on Node's loader thread). Used to see which parts of the
// bundled CLI a command loads.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
