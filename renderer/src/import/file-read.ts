import type { ReportFileInput } from '../../../shared/service/api';

/**
 * Files the clerk picks or drops reach the service as base64 (both transports carry JSON).
 * Large files are refused here, before they are read and sent, with a message that says why.
 */

/**
 * A published report is a few MB; 36 MB is far beyond any real one. Browser mode sends the file as
 * base64 inside JSON, and the local server takes requests of up to 50 MB (36 MB × 4/3 ≈ 48 MB).
 */
export const MAX_IMPORT_MB = 36;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;

/** What the file inputs accept (also the drop zone's filter). */
export const IMPORT_ACCEPT = '.docx,.html,.htm,.pdf,.txt,.json,.nianbao';
const IMPORT_EXTENSIONS = IMPORT_ACCEPT.split(',');

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Null when the size is fine, else the message for the clerk. */
export function sizeProblem(name: string, bytes: number): string | null {
  if (bytes === 0) return `“${name}”是空文件（0 字节），没有可以导入的内容。请确认选择的文件。`;
  if (bytes > MAX_IMPORT_BYTES) {
    return `“${name}”有 ${formatSize(bytes)}，超过了 ${MAX_IMPORT_MB} MB，无法导入。年报文件通常只有几 MB：请确认选择的是年报本身；如果是扫描件或含大量图片的 PDF，请改用网站上的网页版或 Word 版。`;
  }
  return null;
}

/** Size in bytes of base64 data (without decoding it). */
export function base64Size(data: string): number {
  const len = data.length;
  if (!len) return 0;
  const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((len * 3) / 4) - pad;
}

/** Base64 of bytes, in chunks (a 36 MB file must not blow the argument limit of fromCharCode). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(''));
}

export function base64ToBytes(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Whether a dropped or picked file looks importable by its name (the content decides later). */
export function isImportableName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A .nianbao / .json report file (opened as it is rather than imported). */
export const isReportFileName = (name: string): boolean => /\.(nianbao|json)$/i.test(name);

export class FileReadError extends Error {}

/** Reads a browser File (picked or dropped) into what the service takes; refuses oversized files first. */
export async function readBrowserFile(file: Blob & { name: string }): Promise<ReportFileInput> {
  const problem = sizeProblem(file.name, file.size);
  if (problem) throw new FileReadError(problem);
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    throw new FileReadError(`无法读取“${file.name}”：文件可能已被移动、删除或正被其他程序占用。请重新选择文件。`);
  }
  return { name: file.name, data: bytesToBase64(new Uint8Array(buffer)) };
}

/**
 * Opens the system's file chooser through a file input (works in the browser and in Electron,
 * and picks several files at once where the native bridge picks one). Resolves [] when cancelled.
 */
export function chooseFiles(
  options: {
    multiple?: boolean;
    accept?: string;
    /** A whole folder, its subfolders included. */ folder?: boolean;
  } = {},
): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = options.accept ?? IMPORT_ACCEPT;
    input.multiple = options.multiple ?? false;
    if (options.folder) input.webkitdirectory = true;
    input.hidden = true;
    input.setAttribute('aria-hidden', 'true');
    input.tabIndex = -1;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}
