import type { ReportFileInput } from '../../../shared/service/api';
import type { ShellBridge } from '../../../shared/service/shell';

/**
 * Choosing the file of last year's report (a report file, an exported .docx or any importable
 * report): the desktop shell's open dialog, or the browser's file chooser. Files over 50 MB are
 * refused before they are read (a published report is a few MB).
 */

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPT = '.docx,.html,.htm,.pdf,.txt,.json,.nianbao';

export interface ChosenFile extends ReportFileInput {
  /** Size in bytes. */
  size: number;
}

export class FileRefused extends Error {}

export function base64Size(data: string): number {
  if (!data.length) return 0;
  const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - pad;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function sizeProblem(name: string, bytes: number): string | null {
  if (bytes === 0) return `“${name}”是空文件（0 字节）。请确认选择的文件。`;
  if (bytes > MAX_FILE_BYTES) return `“${name}”有 ${formatSize(bytes)}，超过了 50 MB，不会是一份年报。请选择上一年度的年报文件（.nianbao）、导出的 Word 文档或网页。`;
  return null;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new FileRefused(`无法读取“${file.name}”：文件可能已被移动、删除或正被其他程序占用。请重新选择文件。`));
    reader.readAsDataURL(file);
  });
}

function browserChooser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.hidden = true;
    input.tabIndex = -1;
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

/** Null when the clerk cancelled; a FileRefused with the reason when the file is refused. */
export async function chooseReportFile(shell: ShellBridge | null): Promise<ChosenFile | null> {
  if (shell) {
    const picked = await shell.pickFile('import');
    if (!picked) return null;
    const size = base64Size(picked.data);
    const problem = sizeProblem(picked.name, size);
    if (problem) throw new FileRefused(problem);
    return { name: picked.name, data: picked.data, size };
  }
  const file = await browserChooser();
  if (!file) return null;
  const problem = sizeProblem(file.name, file.size);
  if (problem) throw new FileRefused(problem);
  return { name: file.name, data: await readAsBase64(file), size: file.size };
}
