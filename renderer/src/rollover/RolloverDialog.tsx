import { useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Alert, Button, Input, InputNumber, Modal, Radio, Select, Spin } from 'antd';
import { FileOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { STATUS_LABELS, type Report } from '../../../shared/model/types';
import type { ImportPreview, ReportFileInput, ReportSummary, RolloverOutcome } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';
import { navigate } from '../app/router';
import { existingReport, planRollover, preselect, sortForRollover } from './plan';
import { base64Size, chooseReportFile, formatSize, type ChosenFile } from './pick-file';
import { KIND_LABELS } from '../import/labels';
import { ExistingReportWarning } from '../library/ExistingReportWarning';

/**
 * 以上年报告为基础新建: choose last year's report (from the library, or a file), the new year and
 * the agency's name, see what will be carried, then the service makes and saves the new report
 * and the editor opens it. Reusable: the import preview offers it for the file it just read
 * (`file` + `fileReport`), the library row for one report (`fromId`).
 */

export interface RolloverDialogProps {
  open: boolean;
  onClose(): void;
  /** Library reports to choose from; read from the service when absent. */
  reports?: ReportSummary[];
  /** Preselect this library report as last year's. */
  fromId?: string;
  /** Start from this file (e.g. the one the import preview has read). */
  file?: ReportFileInput;
  /** The file's report as already read, to skip reading it again. */
  fileReport?: Report;
  /** After the new report is saved. Default: open it in the editor and show what to check. */
  onCreated?(outcome: RolloverOutcome): void;
}

type Source = 'library' | 'file';

/** The calm notice after a rollover: what was carried and what to check (the service's notes). */
export function rolloverNotice(outcome: RolloverOutcome): { title: string; lines: string[] } {
  const r = outcome.report;
  const paragraphs = r.sections.reduce(
    (n, s) => n + s.blocks.filter((b) => b.type === 'paragraph' && b.carried).length,
    0,
  );
  const lines = [
    ...(paragraphs
      ? [`沿用上年的 ${paragraphs} 段文字标有“沿用上年，待核改”，请逐段核对；年份可在段落下方一键更新。`]
      : []),
    '表三“上年结转”已按上年“结转下年度继续办理”填好，其余数字请按本年度填写。',
    ...outcome.notes,
  ];
  return { title: `已新建“${r.agency.name}”${r.year}年度年报`, lines };
}

export function RolloverDialog(props: RolloverDialogProps) {
  const { open, onClose } = props;
  const { api, shell, saves } = useServices();
  const { notification } = AntApp.useApp();

  const [reports, setReports] = useState<ReportSummary[]>(props.reports ?? []);
  const [source, setSource] = useState<Source>('library');
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [file, setFile] = useState<(ChosenFile & { kind?: ImportPreview['kind']; warnings?: string[] }) | null>(null);
  const [last, setLast] = useState<Report | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [agency, setAgency] = useState('');
  const [busy, setBusy] = useState(false);
  const readSeq = useRef(0);
  // Enter in a field and the button must not make two reports.
  const busyRef = useRef(false);

  // Opening: the source and the preselected report or file.
  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setBusy(false);
    setLast(null);
    setFile(null);
    const list = props.reports;
    if (list) setReports(list);
    const pick = (all: ReportSummary[]) => {
      const id = props.fromId && all.some((r) => r.id === props.fromId) ? props.fromId : preselect(all)?.id;
      setSource(id ? 'library' : 'file');
      setSelectedId(id);
    };
    if (props.file) {
      setSource('file');
      setSelectedId(undefined);
      const chosen = { ...props.file, size: base64Size(props.file.data) };
      if (props.fileReport) {
        setFile(chosen);
        setLast(props.fileReport);
      } else void readFile(chosen);
    } else if (list) pick(list);
    // The library is also needed with a file: to switch to it, and to warn of a report already there.
    if (!list) {
      api.listReports().then(
        (lib) => {
          setReports(lib.reports);
          if (!props.file) pick(lib.reports);
        },
        (e) => setProblem(errorText(e)),
      );
    }
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  // Last year's report from the library (the unsaved version in memory wins).
  useEffect(() => {
    if (!open || source !== 'library' || !selectedId) return;
    const seq = ++readSeq.current;
    setReading(true);
    setProblem(null);
    const unsaved = saves.unsaved(selectedId);
    (unsaved ? Promise.resolve(unsaved) : api.getReport(selectedId))
      .then(
        (r) => seq === readSeq.current && setLast(r),
        (e) => {
          if (seq !== readSeq.current) return;
          setLast(null);
          setProblem(errorText(e));
        },
      )
      .finally(() => seq === readSeq.current && setReading(false));
  }, [open, source, selectedId, api, saves]);

  // A new last year's report resets the new year and the name.
  useEffect(() => {
    if (!last) return;
    setYear(last.year + 1);
    setAgency(last.agency.name);
  }, [last]);

  async function readFile(chosen: ChosenFile) {
    const seq = ++readSeq.current;
    setFile(chosen);
    setLast(null);
    setProblem(null);
    setReading(true);
    try {
      const preview = await api.importFile({ name: chosen.name, data: chosen.data });
      if (seq !== readSeq.current) return;
      setFile({ ...chosen, kind: preview.kind, warnings: preview.warnings });
      setLast(preview.report);
    } catch (e) {
      if (seq === readSeq.current) setProblem(errorText(e));
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  }

  const chooseFile = async () => {
    setProblem(null);
    try {
      const chosen = await chooseReportFile(shell);
      if (chosen) await readFile(chosen);
    } catch (e) {
      readSeq.current++;
      setFile(null);
      setLast(null);
      setReading(false);
      setProblem(errorText(e));
    }
  };

  const switchSource = (s: Source) => {
    readSeq.current++;
    setSource(s);
    setProblem(null);
    setReading(false);
    setLast(null);
    if (s === 'library') {
      setSelectedId((id) => id ?? preselect(reports)?.id);
      setFile(null);
    } else if (props.file) {
      // Back to the file the dialog was opened with (the import preview's).
      const chosen = { ...props.file, size: base64Size(props.file.data) };
      if (props.fileReport) {
        setFile(chosen);
        setLast(props.fileReport);
      } else void readFile(chosen);
    }
  };

  const options = useMemo(
    () =>
      sortForRollover(reports).map((r) => ({
        value: r.id,
        label: `${r.agency || '（未填写机关）'} · ${r.year}年度 · ${STATUS_LABELS[r.status]}`,
      })),
    [reports],
  );

  const result = useMemo(() => (last ? planRollover(last, year, agency) : null), [last, year, agency]);
  const plan = result?.ok ? result.plan : null;
  const renamed = last ? agency.trim() !== '' && agency.trim() !== last.agency.name.trim() : false;
  const existing = plan ? existingReport(reports, agency, year) : undefined;

  const submit = async () => {
    if (!last || !plan || busyRef.current || year === null) return;
    busyRef.current = true;
    setBusy(true);
    setProblem(null);
    try {
      if (source === 'library') await saves.flush();
      const outcome = await api.rolloverReport({
        ...(source === 'library' ? { fromId: last.meta.id } : { file: { name: file!.name, data: file!.data } }),
        year,
        ...(renamed ? { agency: agency.trim() } : {}),
      });
      if (props.onCreated) props.onCreated(outcome);
      else {
        const notice = rolloverNotice(outcome);
        notification.info({
          key: `rollover-${outcome.report.meta.id}`,
          title: notice.title,
          description: (
            <ul className="rollover-notice">
              {notice.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ),
          placement: 'bottomRight',
          duration: outcome.notes.length ? 0 : 12,
        });
        navigate({ screen: 'editor', id: outcome.report.meta.id, page: 'cover' });
      }
      onClose();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const hasReports = reports.length > 0;

  return (
    <Modal
      open={open}
      title="以上年报告为基础新建"
      okText="新建并打开"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !plan || reading }}
      destroyOnHidden
      width={640}
      className="rollover-dialog"
    >
      <p className="muted rollover-lead">
        新报告沿用上年报告的文字和“结转下年度继续办理”的数字，其余数字留空待填。上年报告本身不会改动。
      </p>

      <fieldset className="rollover-fieldset">
        <legend>上年报告</legend>
        <Radio.Group
          value={source}
          onChange={(e) => switchSource(e.target.value as Source)}
          className="rollover-source"
        >
          <Radio value="library" disabled={!hasReports}>
            年报库中的报告
          </Radio>
          <Radio value="file">文件</Radio>
        </Radio.Group>
        {source === 'library' ? (
          <Select
            id="rollover-from"
            aria-label="选择上年报告"
            className="rollover-select"
            showSearch={{ optionFilterProp: 'label' }}
            value={selectedId}
            onChange={(v: string) => setSelectedId(v)}
            options={options}
            placeholder="选择上一年度的年报"
            notFoundContent="没有匹配的年报"
          />
        ) : (
          <div className="rollover-file">
            <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFile()}>
              {file ? '重新选择文件…' : '选择文件…'}
            </Button>
            {file ? (
              <span className="rollover-file-name">
                <FileOutlined aria-hidden="true" /> {file.name}
                <span className="muted small">
                  （{formatSize(file.size)}
                  {file.kind ? `，${KIND_LABELS[file.kind]}` : ''}）
                </span>
              </span>
            ) : (
              <span className="muted small">
                年报文件（.nianbao）、本程序导出的 Word 文档，或其他 Word、网页、PDF 格式的年报。
              </span>
            )}
          </div>
        )}
        {reading ? (
          <div className="rollover-reading" aria-live="polite">
            <Spin size="small" /> <span className="muted">正在读取上年报告…</span>
          </div>
        ) : last ? (
          <p className="rollover-from-line" aria-live="polite">
            <span className="muted">上年报告：</span>
            {last.title || `${last.agency.name}${last.year}年度`}
          </p>
        ) : null}
        {file?.warnings?.length && last ? (
          <Alert
            type="info"
            className="gap-top"
            title="读取时的提示"
            description={
              <ul className="rollover-notes">
                {file.warnings.slice(0, 3).map((w) => (
                  <li key={w}>{w}</li>
                ))}
                {file.warnings.length > 3 ? (
                  <li>另有 {file.warnings.length - 3} 条提示，新建后可在检查结果中核对。</li>
                ) : null}
              </ul>
            }
          />
        ) : null}
      </fieldset>

      {last ? (
        <fieldset className="rollover-fieldset">
          <legend>新报告</legend>
          <div className="form-row">
            <div className="rollover-field">
              <label htmlFor="rollover-year">报告年度</label>
              <InputNumber
                id="rollover-year"
                value={year}
                precision={0}
                min={last.year + 1}
                max={last.year + 20}
                suffix="年度"
                style={{ width: 150 }}
                onChange={(v) => setYear(typeof v === 'number' ? v : null)}
                onPressEnter={() => void submit()}
              />
            </div>
            <div className="rollover-field form-row-grow">
              <label htmlFor="rollover-agency">机关全称</label>
              <Input
                id="rollover-agency"
                value={agency}
                onChange={(e) => setAgency(e.target.value)}
                onPressEnter={() => void submit()}
              />
            </div>
          </div>
          {renamed ? (
            <p className="muted small rollover-rename">
              机关更名：新报告的标题和落款使用新名称，文字中的旧名称请自行核改。
            </p>
          ) : null}
          {plan ? (
            <div className="rollover-plan" aria-live="polite">
              <div>
                <span className="muted">标题：</span>
                {plan.title}
              </div>
              <ul>
                <li>
                  沿用上年的文字{plan.paragraphs ? `（${plan.paragraphs} 段）` : ''}
                  ，每段标注“沿用上年，待核改”，修改或确认后标记消失。
                </li>
                <li>
                  表三“上年结转”取自上年“结转下年度继续办理”
                  {plan.carriedTotal !== null ? `（总计 ${plan.carriedTotal} 件）` : '（上年未填写）'}。
                </li>
                {plan.inForce.regulations !== null || plan.inForce.normativeDocs !== null ? (
                  <li>
                    上年现行有效件数（
                    {[
                      plan.inForce.regulations !== null ? `规章 ${plan.inForce.regulations} 件` : '',
                      plan.inForce.normativeDocs !== null ? `行政规范性文件 ${plan.inForce.normativeDocs} 件` : '',
                    ]
                      .filter(Boolean)
                      .join('，')}
                    ）留作核对本年数字的基数。
                  </li>
                ) : null}
                <li>其余表格数字和成文日期留空，状态为草稿。</li>
              </ul>
            </div>
          ) : null}
          {plan?.notes.length ? (
            <Alert
              type="info"
              showIcon
              className="gap-top"
              title="请注意"
              description={
                <ul className="rollover-notes">
                  {plan.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {result && !result.ok ? <Alert type="warning" showIcon className="gap-top" title={result.problem} /> : null}
          <ExistingReportWarning existing={existing} />
        </fieldset>
      ) : null}

      {problem ? <Alert type="error" showIcon className="gap-top" title={problem} role="alert" /> : null}
    </Modal>
  );
}
