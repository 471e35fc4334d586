import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from 'antd';
import { KeyModal } from '../common/KeyModal';
import type { RolloverOutcome } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';
import { navigate } from '../app/router';
import { existingReport, planRollover } from './plan';
import { showRolloverNotice } from './RolloverNotice';
import { RolloverSourceFields } from './RolloverSourceFields';
import { RolloverPlanFields } from './RolloverPlanFields';
import { useRolloverSource, type SourceProps } from './useRolloverSource';

/**
 * 以上年报告为基础新建: choose last year's report (from the library, or a file), the new year and
 * the agency's name, see what will be carried, then the service makes and saves the new report
 * and the editor opens it. Reusable: the import preview offers it for the file it just read
 * (`file` + `fileReport`), the library row for one report (`fromId`).
 */

export interface RolloverDialogProps extends SourceProps {
  open: boolean;
  onClose(): void;
  /** After the new report is saved. Default: open it in the editor and show what to check. */
  onCreated?(outcome: RolloverOutcome): void;
}

export function RolloverDialog(props: RolloverDialogProps) {
  const { open, onClose } = props;
  const { api, saves } = useServices();
  const src = useRolloverSource(open, props);
  const { last, source, file } = src;
  const [year, setYear] = useState<number | null>(null);
  const [agency, setAgency] = useState('');
  const [busy, setBusy] = useState(false);
  // Enter in a field and the button must not make two reports.
  const busyRef = useRef(false);

  // A new last year's report resets the new year and the name.
  useEffect(() => {
    if (!last) return;
    setYear(last.year + 1);
    setAgency(last.agency.name);
  }, [last]);

  const result = useMemo(() => (last ? planRollover(last, year, agency) : null), [last, year, agency]);
  const plan = result?.ok ? result.plan : null;
  const renamed = last ? agency.trim() !== '' && agency.trim() !== last.agency.name.trim() : false;
  const existing = plan ? existingReport(src.reports, agency, year) : undefined;

  const submit = async () => {
    if (!last || !plan || busyRef.current || year === null) return;
    busyRef.current = true;
    setBusy(true);
    src.setProblem(null);
    try {
      if (source === 'library') await saves.flush();
      const outcome = await api.rolloverReport({
        ...(source === 'library' ? { fromId: last.meta.id } : { file: { name: file!.name, data: file!.data } }),
        year,
        ...(renamed ? { agency: agency.trim() } : {}),
      });
      if (props.onCreated) props.onCreated(outcome);
      else {
        showRolloverNotice(outcome);
        navigate({ screen: 'editor', id: outcome.report.meta.id, page: 'cover' });
      }
      onClose();
    } catch (e) {
      src.setProblem(errorText(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <KeyModal
      open={open}
      title="以上年报告为基础新建"
      okText="新建并打开"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !plan || src.reading }}
      destroyOnHidden
      width={640}
      className="rollover-dialog"
    >
      <p className="muted rollover-lead">
        新报告沿用上年报告的文字和“结转下年度继续办理”的数字，其余数字留空待填。上年报告本身不会改动。
      </p>
      <RolloverSourceFields
        reports={src.reports}
        source={source}
        onSource={src.switchSource}
        selectedId={src.selectedId}
        onSelect={src.setSelectedId}
        file={file}
        onChooseFile={() => void src.chooseFile()}
        reading={src.reading}
        last={last}
      />
      {last ? (
        <RolloverPlanFields
          last={last}
          year={year}
          onYear={setYear}
          agency={agency}
          onAgency={setAgency}
          renamed={renamed}
          result={result}
          existing={existing}
        />
      ) : null}
      {src.problem ? <Alert type="error" showIcon className="gap-top" title={src.problem} role="alert" /> : null}
    </KeyModal>
  );
}
