import type { ReportFileInput } from '../../../shared/service/api';
import type { ShellBridge } from '../../../shared/service/shell';
import {
  base64Size,
  chooseFiles,
  FileReadError,
  IMPORT_ACCEPT,
  readBrowserFile,
  sizeProblem,
} from '../import/file-read';

/**
 * Choosing the file of last year's report (a report file, an exported .docx or any importable
 * report): the desktop shell's open dialog, or the browser's file chooser. The import screen's
 * reading and size limit (36 MB) apply, so both refuse the same files with the same words.
 */

export interface ChosenFile extends ReportFileInput {
  /** Size in bytes. */
  size: number;
}

/** Null when the clerk cancelled; a FileReadError with the reason when the file is refused. */
export async function chooseReportFile(shell: ShellBridge | null): Promise<ChosenFile | null> {
  if (shell) {
    const picked = await shell.pickFile('import');
    if (!picked) return null;
    const size = base64Size(picked.data);
    const problem = sizeProblem(picked.name, size);
    if (problem) throw new FileReadError(problem);
    return { name: picked.name, data: picked.data, size };
  }
  const [file] = await chooseFiles({ accept: IMPORT_ACCEPT });
  if (!file) return null;
  return { ...(await readBrowserFile(file)), size: file.size };
}

export { formatSize, base64Size } from '../import/file-read';
