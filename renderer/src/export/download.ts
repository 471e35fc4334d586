import type { ShellBridge } from '../../../shared/service/shell';
import { base64ToBytes } from '../import/file-read';

/**
 * Files the app hands to the clerk without the export folder: a download link in browser mode
 * (and for types the shell's save dialog does not know), the native save dialog in Electron.
 */

function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function downloadBase64(name: string, data: string, mime: string): void {
  downloadBlob(name, new Blob([base64ToBytes(data) as BlobPart], { type: mime }));
}

export function downloadText(name: string, text: string, mime: string): void {
  downloadBlob(name, new Blob([text], { type: mime }));
}

export type SaveKind = Parameters<ShellBridge['saveFileAs']>[2];

/**
 * Electron: the native save dialog (returns the path, or null when cancelled).
 * Browser: a download (returns the file name; the browser decides the folder).
 */
export async function saveBase64(
  shell: ShellBridge | null,
  name: string,
  data: string,
  mime: string,
  kind: SaveKind,
): Promise<{ path: string; download: boolean } | null> {
  if (shell) {
    const path = await shell.saveFileAs(name, data, kind);
    return path ? { path, download: false } : null;
  }
  downloadBase64(name, data, mime);
  return { path: name, download: true };
}
