/**
 * Entry of the Electron main process (bundled to dist/electron/main.cjs).
 * Order matters: the app:// scheme and the sandbox must be set up before 'ready'.
 */
import { join, resolve } from 'node:path';
import { app, dialog, shell } from 'electron';
import { createService, dataDirFlag } from '../services/index';
import { ElectronPdfPrinter } from '../services/export/electron-printer';
import { registerAppScheme } from './app-protocol';
import { installProcessHandlers } from './crash-handlers';
import { DesktopApp } from './desktop-app';
import { runLifecycle } from './lifecycle';
import { createLogger } from './logger';
import { PRODUCT_NAME } from './main-window';

const APP_ID = 'cn.nianbao.studio';

/** `--data-dir`, then NIANBAO_DATA_DIR, then Electron's userData folder (shared with browser mode). */
function resolveDataDir(): string {
  const flag = dataDirFlag(process.argv)?.trim();
  if (flag) return resolve(flag);
  const env = process.env.NIANBAO_DATA_DIR?.trim();
  if (env) return resolve(env);
  return app.getPath('userData');
}

app.enableSandbox();
registerAppScheme();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

const dataDir = resolveDataDir();
const logger = createLogger({ dir: join(dataDir, 'logs'), echo: !app.isPackaged });
logger.info(
  `启动 ${PRODUCT_NAME} ${app.getVersion()}（Electron ${process.versions.electron}，${process.platform}-${process.arch}）数据目录：${dataDir}`,
);
installProcessHandlers(process, logger, (message) => dialog.showErrorBox(PRODUCT_NAME, message));

// __dirname is dist/electron inside the package (app.asar) or the working tree.
const bundleDir = __dirname;

runLifecycle({
  app,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  logger,
  fatal: (message) => dialog.showErrorBox(`${PRODUCT_NAME}无法启动`, message),
  createDesktop: async () => {
    const service = createService({
      dataDir,
      mode: 'electron',
      version: app.getVersion(),
      revealPath: async (path) => shell.showItemInFolder(path),
      log: (message, error) => logger.error(message, error),
      printer: () => new ElectronPdfPrinter(),
      documentsDir: app.getPath('documents'),
    });
    return new DesktopApp({ service, logger, dataDir, bundleDir, rendererDir: join(bundleDir, '..', 'renderer') });
  },
});
