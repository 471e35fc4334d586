import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The folder name under the OS user data folder (the product name, as Electron's userData uses it). */
export const APP_DIR_NAME = '年报编制助手';

/** Reads `--data-dir <dir>` or `--data-dir=<dir>` from command-line arguments. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') return argv[i + 1];
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length);
  }
  return undefined;
}

/** The OS user data folder of the app (what Electron's app.getPath('userData') gives for the product name). */
export function osDataDir(
  platform: string = process.platform,
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/**
 * Where the library lives: `--data-dir` flag, else the NIANBAO_DATA_DIR environment variable,
 * else the OS user data folder. In Electron the main process passes app.getPath('userData')
 * instead of the last fallback, so both modes share one library.
 */
export function defaultDataDir(
  argv: readonly string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
): string {
  const flag = dataDirFlag(argv)?.trim();
  if (flag) return resolve(flag);
  const fromEnv = env.NIANBAO_DATA_DIR?.trim();
  if (fromEnv) return resolve(fromEnv);
  return osDataDir(platform, env);
}
