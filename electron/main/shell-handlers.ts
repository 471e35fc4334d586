import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter, Shell } from 'electron';
import { ServiceError, type NianbaoApi } from '../../shared/service/api';
import type { PickedFile } from '../../shared/service/shell';
import { isSafeExternalUrl } from './app-url';
import type { ShellHandlers } from './ipc';

export const MAX_PICKED_FILE_BYTES = 60 * 1024 * 1024;

const PICK_FILTERS: Record<'report' | 'import', FileFilter[]> = {
  report: [
    { name: '年报文件', extensions: ['nianbao', 'json'] },
    { name: '所有文件', extensions: ['*'] },
  ],
  import: [
    {
      name: '可导入的年报（Word、网页、PDF、文本、年报文件）',
      extensions: ['docx', 'html', 'htm', 'pdf', 'txt', 'nianbao', 'json'],
    },
    { name: '所有文件', extensions: ['*'] },
  ],
};

type SaveKind = 'report' | 'docx' | 'html' | 'pdf' | 'xlsx' | 'csv';
const SAVE_TYPES: Record<SaveKind, { ext: string; filter: FileFilter }> = {
  report: { ext: '.nianbao', filter: { name: '年报文件', extensions: ['nianbao'] } },
  docx: { ext: '.docx', filter: { name: 'Word 文档', extensions: ['docx'] } },
  html: { ext: '.html', filter: { name: '网页', extensions: ['html', 'htm'] } },
  pdf: { ext: '.pdf', filter: { name: 'PDF 文档', extensions: ['pdf'] } },
  xlsx: { ext: '.xlsx', filter: { name: 'Excel 工作簿', extensions: ['xlsx'] } },
  csv: { ext: '.csv', filter: { name: 'CSV 表格', extensions: ['csv'] } },
};

/** Characters no file system takes in a name (Windows is the strictest). */
export function safeFileName(name: string, ext: string): string {
  const cleaned =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 180) || '年报';
  return extname(cleaned).toLowerCase() === ext ? cleaned : `${cleaned}${ext}`;
}

function ioError(e: unknown, name: string, action: string): ServiceError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new ServiceError(
      `无法${action}“${name}”：文件正被其他程序（如 WPS、Word）占用，或没有写入权限。请关闭该文件后重试，或换一个位置。`,
      'io',
    );
  }
  if (code === 'ENOSPC') return new ServiceError(`无法${action}“${name}”：磁盘空间不足。请清理磁盘后重试。`, 'io');
  return new ServiceError(`无法${action}“${name}”（${code ?? String(e)}）。请换一个位置重试。`, 'io');
}

/** Writes via a temporary file in the same folder, so a failed write never leaves half a file. */
export async function writeFileAtomic(path: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

export interface ShellHandlerDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder' | 'openExternal'>;
  window(): BrowserWindow | undefined;
  service: Pick<NianbaoApi, 'getSettings' | 'updateSettings'>;
  /** The clerk's documents folder, where save dialogs start the first time. */
  documentsDir: string;
  /** A report file was saved or picked to be opened (recent files). */
  onReportFile?(path: string): void;
}

/** The native side of ShellBridge: dialogs, file reads and writes the clerk chose, links. */
export function createShellHandlers(
  deps: ShellHandlerDeps,
): ShellHandlers & { lastPickedReport(): PickedFile | undefined } {
  let lastPicked: PickedFile | undefined;

  const startDir = async (): Promise<string> => {
    try {
      const s = await deps.service.getSettings();
      if (typeof s.exportDir === 'string' && existsSync(s.exportDir)) return s.exportDir;
    } catch {
      // Fall back to the documents folder.
    }
    return deps.documentsDir;
  };

  const open = (options: Electron.OpenDialogOptions) => {
    const win = deps.window();
    return win ? deps.dialog.showOpenDialog(win, options) : deps.dialog.showOpenDialog(options);
  };

  return {
    lastPickedReport: () => lastPicked,

    async pickFile(kind) {
      const res = await open({
        title: kind === 'report' ? '打开年报文件' : '导入年报',
        defaultPath: await startDir(),
        properties: ['openFile'],
        filters: PICK_FILTERS[kind],
      });
      const path = res.filePaths[0];
      if (res.canceled || !path) return null;
      const name = basename(path);
      let data: Buffer;
      try {
        const info = await stat(path);
        if (info.size > MAX_PICKED_FILE_BYTES) {
          throw new ServiceError(
            `“${name}”过大（${Math.round(info.size / 1048576)} MB），无法读取。请确认选择的文件。`,
            'invalid',
          );
        }
        data = await readFile(path);
      } catch (e) {
        if (e instanceof ServiceError) throw e;
        throw ioError(e, name, '读取');
      }
      const picked: PickedFile = { path, name, data: data.toString('base64') };
      if (kind === 'report') lastPicked = picked;
      return picked;
    },

    async saveFileAs(defaultName, data, kind) {
      const type = SAVE_TYPES[kind];
      const win = deps.window();
      const options: Electron.SaveDialogOptions = {
        title: kind === 'report' ? '另存为年报文件' : '导出',
        defaultPath: join(await startDir(), safeFileName(defaultName, type.ext)),
        filters: [type.filter],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const res = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (res.canceled || !res.filePath) return null;
      const path =
        extname(res.filePath).toLowerCase() === type.ext || (kind === 'html' && /\.html?$/i.test(res.filePath))
          ? res.filePath
          : `${res.filePath}${type.ext}`;
      try {
        await writeFileAtomic(path, Buffer.from(data, 'base64'));
      } catch (e) {
        throw ioError(e, basename(path), '保存');
      }
      if (kind === 'report') deps.onReportFile?.(path);
      else await deps.service.updateSettings({ exportDir: dirname(path) }).catch(() => undefined);
      return path;
    },

    async pickFolder(defaultPath) {
      const res = await open({
        title: '选择文件夹',
        defaultPath: defaultPath && existsSync(defaultPath) ? defaultPath : await startDir(),
        properties: ['openDirectory', 'createDirectory'],
      });
      const path = res.filePaths[0];
      return res.canceled || !path ? null : path;
    },

    async revealPath(path) {
      if (!existsSync(path)) throw new ServiceError(`找不到“${path}”，它可能已被移动或删除。`, 'not_found');
      deps.shell.showItemInFolder(path);
    },

    async openExternal(url) {
      if (!isSafeExternalUrl(url))
        throw new ServiceError('只能在浏览器中打开以 http:// 或 https:// 开头的网址。', 'invalid');
      await deps.shell.openExternal(url);
    },
  };
}
