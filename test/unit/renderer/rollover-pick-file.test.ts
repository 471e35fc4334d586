import { describe, expect, it } from 'vitest';
import { chooseReportFile } from '../../../renderer/src/rollover/pick-file';
import type { PickedFile, ShellBridge } from '../../../shared/service/shell';

/** The desktop shell's open dialog as the rollover dialog uses it (the browser path is in the e2e test). */
function shellPicking(file: PickedFile | null, kinds: string[] = []): ShellBridge {
  return {
    platform: 'linux',
    onMenuCommand: () => () => undefined,
    onReportOpened: () => () => undefined,
    setDocumentState: () => undefined,
    pickFile: async (kind) => {
      kinds.push(kind);
      return file;
    },
    saveFileAs: async () => null,
    pickFolder: async () => null,
    revealPath: async () => undefined,
    openExternal: async () => undefined,
  };
}

describe('choosing last year’s report file in the desktop app', () => {
  it('asks for any importable file and returns it with its size', async () => {
    const kinds: string[] = [];
    const data = Buffer.from('{"schemaVersion":1}').toString('base64');
    const chosen = await chooseReportFile(
      shellPicking({ path: '/home/clerk/2024年报.nianbao', name: '2024年报.nianbao', data }, kinds),
    );
    expect(kinds).toEqual(['import']);
    expect(chosen).toEqual({ name: '2024年报.nianbao', data, size: 19 });
  });

  it('resolves null when the clerk cancels', async () => {
    expect(await chooseReportFile(shellPicking(null))).toBeNull();
  });

  it('refuses a file over 36 MB and an empty file, saying which and why', async () => {
    const big = 'A'.repeat(Math.ceil(((36 * 1024 * 1024 + 3) * 4) / 3));
    await expect(
      chooseReportFile(shellPicking({ path: '/tmp/扫描件.pdf', name: '扫描件.pdf', data: big })),
    ).rejects.toThrow(/“扫描件.pdf”.*超过了 36 MB/);
    await expect(chooseReportFile(shellPicking({ path: '/tmp/空.docx', name: '空.docx', data: '' }))).rejects.toThrow(
      /空文件/,
    );
  });
});
