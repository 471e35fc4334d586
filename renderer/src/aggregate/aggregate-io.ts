import type { AggregateUnit, RosterEntry } from '../../../shared/aggregate/types';
import type { NianbaoApi } from '../../../shared/service/api';
import { errorText } from '../api/context';
import { chooseFiles, FileReadError, isImportableName, readBrowserFile } from '../import/file-read';

/**
 * Getting unit reports to the service: files (picked, or every report file of a picked folder)
 * are read two at a time (the service parses PDFs on one core), library reports in one call.
 */

export const READ_CONCURRENCY = 2;

export interface ReadProgress {
  done: number;
  total: number;
}

export interface ReadResult {
  units: AggregateUnit[];
  failures: { name: string; message: string }[];
}

export interface GovernmentInfo {
  agency: string;
  year: number;
  roster: RosterEntry[];
}

/** A folder chooser (every file inside, subfolders included); resolves [] when cancelled. */
export const chooseFolder = (): Promise<File[]> => chooseFiles({ folder: true, multiple: true, accept: '' });

/** The report files among a folder's files (Office lock files and hidden files left out). */
export function reportFiles(files: readonly File[]): File[] {
  return files.filter((f) => isImportableName(f.name) && !f.name.startsWith('~$') && !f.name.startsWith('.'));
}

export async function readFiles(
  api: Pick<NianbaoApi, 'aggregateReadUnits'>,
  government: GovernmentInfo,
  files: readonly File[],
  onProgress: (p: ReadProgress) => void,
  stopped: () => boolean = () => false,
): Promise<ReadResult> {
  const units: (AggregateUnit | undefined)[] = new Array(files.length);
  const failures: ReadResult['failures'] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length && !stopped()) {
      const i = next++;
      const file = files[i]!;
      try {
        const input = await readBrowserFile(file);
        const res = await api.aggregateReadUnits({ government, files: [input] });
        units[i] = res.units[0];
        failures.push(...res.failures);
      } catch (e) {
        failures.push({ name: file.name, message: e instanceof FileReadError ? e.message : errorText(e) });
      }
      onProgress({ done: ++done, total: files.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return { units: units.filter((u): u is AggregateUnit => u !== undefined), failures };
}
