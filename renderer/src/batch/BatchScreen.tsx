import { useCallback, useMemo } from 'react';
import { App as AntApp, Alert, Button, Progress, Space } from 'antd';
import { DownloadOutlined, FileSearchOutlined, FolderOpenOutlined, StopOutlined } from '@ant-design/icons';
import { errorText, useServices } from '../api/context';
import { AppHeader } from '../app/AppHeader';
import { BackButton } from '../app/BackButton';
import { navigate } from '../app/router';
import { bytesToBase64, chooseFiles, isImportableName, readBrowserFile } from '../import/file-read';
import { setImportSession } from '../import/import-store';
import { useFileDrop } from '../import/FileDrop';
import { downloadText, saveBase64 } from '../export/download';
import { batchFile, clearBatch, startBatch, stopBatch, useBatch } from './batch-store';
import { bySeverity, summaryCounts, summaryCsv, summaryHtml, type BatchRow } from './batch-logic';
import { BatchTable } from './BatchTable';
import '../import/import.css';
import './batch.css';

/**
 * 批量检查 (#/batch), for supervisors: many published reports at once, one row per file with the
 * agency, year, format and the errors and warnings, most urgent first; a row opens that file's
 * import preview; the summary goes out as CSV (Excel/WPS) or a printable page.
 */

/** A file's path inside the chosen folder (its name when dropped or picked one by one). */
const pathOf = (f: File) => f.webkitRelativePath || f.name;

export function BatchScreen() {
  const { api, shell } = useServices();
  const { message } = AntApp.useApp();
  const batch = useBatch();
  const { rows, running } = batch;

  const start = useCallback(
    (files: File[]) => {
      if (!files.length) return;
      void startBatch(api, files);
    },
    [api],
  );
  const pick = async () => start(await chooseFiles({ multiple: true }));
  // A folder of reports (subfolders included): the files the batch can read, hidden files left out.
  const pickFolder = async () => {
    const all = await chooseFiles({ folder: true });
    if (!all.length) return;
    const usable = all.filter((f) => isImportableName(f.name) && !f.name.startsWith('.') && !f.name.startsWith('~$'));
    if (!usable.length) {
      void message.warning(
        `这个文件夹中没有可以检查的年报文件（共 ${all.length} 个文件）。支持网页、Word（.docx）、PDF、纯文本和年报文件。`,
      );
      return;
    }
    const sorted = [...usable].sort((a, b) => pathOf(a).localeCompare(pathOf(b), 'zh-CN'));
    if (usable.length < all.length)
      void message.info(`文件夹中有 ${all.length - usable.length} 个文件不是年报格式，已跳过。`);
    start(sorted);
  };
  const drop = useFileDrop(start, '松开鼠标，检查这些文件');

  // While running, the files keep their order (rows do not jump); once done, most urgent first.
  const shown = useMemo(() => (running ? rows : [...rows].sort(bySeverity)), [rows, running]);
  const counts = summaryCounts(rows);
  const finished = rows.length - counts.pending;
  const duplicates = rows.filter((r) => r.duplicateOf !== undefined).length;

  const open = (row: BatchRow) => {
    if (!row.preview) return;
    const file = batchFile(row.index);
    setImportSession({
      preview: row.preview,
      fileName: row.fileName,
      file: async () => (file ? readBrowserFile(file) : Promise.reject(new Error('原文件已不可用，请重新选择。'))),
      from: 'batch',
      last: row.lastIndex !== undefined ? (rows.find((r) => r.index === row.lastIndex)?.preview?.report ?? null) : null,
    });
    navigate({ screen: 'import' });
  };

  const stamp = () => {
    const d = batch.startedAt ?? new Date();
    return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  };

  const exportCsv = () => downloadText(`年报批量检查结果${stamp()}.csv`, summaryCsv(rows), 'text/csv;charset=utf-8');
  const exportHtml = async () => {
    const name = `年报批量检查结果${stamp()}.html`;
    const html = summaryHtml(rows, batch.startedAt ?? new Date());
    try {
      const done = await saveBase64(
        shell,
        name,
        bytesToBase64(new TextEncoder().encode(html)),
        'text/html;charset=utf-8',
        'html',
      );
      if (done && !done.download) void message.success(`已保存到 ${done.path}`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="screen">
      <AppHeader
        extra={
          rows.length ? (
            <Space size={8}>
              <Button icon={<DownloadOutlined />} disabled={running} onClick={exportCsv}>
                导出汇总表（CSV）
              </Button>
              <Button icon={<DownloadOutlined />} disabled={running} onClick={() => void exportHtml()}>
                导出汇总网页
              </Button>
            </Space>
          ) : null
        }
      >
        <BackButton onClick={() => navigate({ screen: 'library' })}>年报库</BackButton>
        <h1 className="screen-title">批量检查</h1>
      </AppHeader>
      <main className="library-main batch-main file-drop-host" aria-label="批量检查" {...drop.handlers}>
        {drop.overlay}
        <div className="batch-intro">
          <p>
            {'一次检查多份已发布的年报（网页、Word、PDF、文本或年报文件）：逐份读取并按国办规定的格式检查，列出每份的错误和警告。' +
              '点机关名称可查看这份年报的导入预览。文件只在本机读取，不会保存到年报库。'}
          </p>
          <Space size={8}>
            <Button type="primary" icon={<FileSearchOutlined />} disabled={running} onClick={() => void pick()}>
              {rows.length ? '重新选择文件…' : '选择文件…'}
            </Button>
            <Button icon={<FolderOpenOutlined />} disabled={running} onClick={() => void pickFolder()}>
              选择文件夹…
            </Button>
            {running ? (
              <Button icon={<StopOutlined />} disabled={batch.stopped} onClick={stopBatch}>
                {batch.stopped ? '正在停止…' : '停止'}
              </Button>
            ) : rows.length ? (
              <Button onClick={clearBatch}>清空结果</Button>
            ) : null}
            <span className="muted small">也可以把文件拖到这个窗口里。</span>
          </Space>
        </div>
        {rows.length ? (
          <>
            <div className="batch-progress" role="status" aria-live="polite">
              <Progress
                percent={Math.round((finished / rows.length) * 100)}
                status={running ? 'active' : 'normal'}
                showInfo={false}
                aria-label="检查进度"
              />
              <span>
                {running ? `正在检查：已完成 ${finished} / ${rows.length} 份` : `共 ${rows.length} 份`}
                {finished
                  ? `；有错误 ${counts.error} 份，仅有警告 ${counts.warning} 份，未发现问题 ${counts.clean} 份，无法读取 ${counts.unreadable} 份${counts['not-report'] ? `，不是年报 ${counts['not-report']} 份` : ''}${duplicates ? `；其中 ${duplicates} 份与另一个文件是同一份年报` : ''}。`
                  : ''}
              </span>
            </div>
            {!running && counts.unreadable ? (
              <Alert
                type="warning"
                showIcon
                className="gap-bottom"
                title={`${counts.unreadable} 个文件无法读取，原因写在文件名下方。`}
              />
            ) : null}
            <BatchTable rows={shown} running={running} onOpen={open} />
          </>
        ) : (
          <div className="batch-empty">
            <FileSearchOutlined aria-hidden="true" />
            <p>选择要检查的年报文件（可以一次选多个），或把文件拖到这里。</p>
            <p className="muted small">
              支持：网页（.html）、Word（.docx）、PDF、纯文本（.txt）、年报文件（.nianbao）。“选择文件夹…”检查文件夹（含子文件夹）中的全部年报。
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
