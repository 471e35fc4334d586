import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import type { ReportFileInput } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';
import { navigate } from '../app/router';
import { setImportSession } from './import-store';
import {
  base64Size,
  chooseFiles,
  FileReadError,
  IMPORT_ACCEPT,
  isImportableName,
  isReportFileName,
  readBrowserFile,
  sizeProblem,
} from './file-read';

/** What the importers read, for messages about files they refused. */
const IMPORTABLE_TEXT =
  '可以导入：本程序导出的 Word 文档、其他 Word 文档（.docx）、网页（.html）、PDF、纯文本（.txt）和年报文件（.nianbao）。';

/**
 * 导入… and 打开… from every place that offers them (library toolbar, first-run card, menu,
 * drag and drop): choose the file, refuse oversized ones before sending, read it with the
 * service and show the import preview. Nothing is saved until the clerk says so.
 */
export function useImportActions() {
  const { api, shell } = useServices();
  const { message, modal } = AntApp.useApp();

  const refuse = useCallback(
    (title: string, text: string) =>
      modal.error({
        title,
        content: (
          <div className="import-refusal">
            <p>{text}</p>
            <p className="muted small">{IMPORTABLE_TEXT}</p>
          </div>
        ),
        okText: '知道了',
      }),
    [modal],
  );

  const importInput = useCallback(
    async (input: ReportFileInput) => {
      const key = 'import-progress';
      void message.open({ key, type: 'loading', content: `正在读取“${input.name}”…`, duration: 0 });
      try {
        const preview = await api.importFile(input);
        setImportSession({ preview, fileName: input.name, file: async () => input, from: 'library' });
        navigate({ screen: 'import' });
      } catch (e) {
        refuse(`没有导入“${input.name}”`, errorText(e));
      } finally {
        message.destroy(key);
      }
    },
    [api, message, refuse],
  );

  const importBrowserFile = useCallback(
    async (file: File) => {
      let input: ReportFileInput;
      try {
        input = await readBrowserFile(file);
      } catch (e) {
        refuse(`没有导入“${file.name}”`, e instanceof FileReadError ? e.message : errorText(e));
        return;
      }
      await importInput(input);
    },
    [importInput, refuse],
  );

  /** 导入…: any published form of a report. */
  const pickAndImport = useCallback(async () => {
    if (shell) {
      let picked;
      try {
        picked = await shell.pickFile('import');
      } catch (e) {
        refuse('没有导入', errorText(e));
        return;
      }
      if (!picked) return;
      const problem = sizeProblem(picked.name, base64Size(picked.data));
      if (problem) return void refuse(`没有导入“${picked.name}”`, problem);
      await importInput({ name: picked.name, data: picked.data });
      return;
    }
    const [file] = await chooseFiles();
    if (file) await importBrowserFile(file);
  }, [shell, importInput, importBrowserFile, refuse]);

  const openReport = useCallback(
    async (input: ReportFileInput) => {
      try {
        const report = await api.openReportFile(input);
        navigate({ screen: 'editor', id: report.meta.id, page: 'cover' });
      } catch (e) {
        refuse(`没有打开“${input.name}”`, errorText(e));
      }
    },
    [api, refuse],
  );

  /** 打开…: a report file opens in the editor at once; any other file goes through the import preview. */
  const openFile = useCallback(async () => {
    if (shell) {
      let picked;
      try {
        picked = await shell.pickFile('report');
      } catch (e) {
        refuse('没有打开', errorText(e));
        return;
      }
      if (!picked) return;
      const input = { name: picked.name, data: picked.data };
      const problem = sizeProblem(picked.name, base64Size(picked.data));
      if (problem) return void refuse(`没有打开“${picked.name}”`, problem);
      await (isReportFileName(picked.name) ? openReport(input) : importInput(input));
      return;
    }
    const [file] = await chooseFiles({ accept: IMPORT_ACCEPT });
    if (!file) return;
    if (!isReportFileName(file.name)) return importBrowserFile(file);
    try {
      await openReport(await readBrowserFile(file));
    } catch (e) {
      refuse(`没有打开“${file.name}”`, e instanceof FileReadError ? e.message : errorText(e));
    }
  }, [shell, openReport, importInput, importBrowserFile, refuse]);

  /** Files dropped on the library: one is imported, several are checked as a batch. */
  const importDropped = useCallback(
    (files: File[]) => {
      const usable = files.filter((f) => isImportableName(f.name));
      if (!usable.length) {
        refuse(
          files.length > 1 ? '这些文件不能导入' : `没有导入“${files[0]?.name ?? ''}”`,
          '文件的类型不是年报可以使用的格式。Word 的 .doc、.wps 文件请先在 WPS 或 Word 中“另存为”.docx。',
        );
        return;
      }
      if (usable.length === 1) {
        void importBrowserFile(usable[0]!);
        return;
      }
      if (usable.length < files.length)
        void message.info(`有 ${files.length - usable.length} 个文件不是可以导入的类型，已略过。`);
      // The batch store (and the checks it runs) loads only now: the library's first script stays lighter.
      void import('../batch/batch-store').then(
        ({ startBatch }) => {
          void startBatch(api, usable);
          navigate({ screen: 'batch' });
        },
        (e: unknown) => void refuse('没有开始批量检查', errorText(e)),
      );
    },
    [api, importBrowserFile, message, refuse],
  );

  return { pickAndImport, openFile, importDropped };
}
