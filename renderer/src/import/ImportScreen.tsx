import { useRef, useState } from 'react';
import { Alert, Button, Empty, Space, Tabs, Tag } from 'antd';
import { ForwardOutlined, ImportOutlined, SaveOutlined } from '@ant-design/icons';
import { AppHeader } from '../app/AppHeader';
import { BackButton } from '../app/BackButton';
import { navigate } from '../app/router';
import { ReportView } from '../export/ReportView';
import { RolloverDialog } from '../rollover/RolloverDialog';
import { formatTime } from '../logic/format-time';
import { notReportOf } from '../../../shared/import/not-report';
import type { Finding } from '../../../shared/checks/types';
import { templateFor } from '../../../templates/index';
import { showFindingWhenDrawn } from './preview-target';
import { useImportSession, type ImportSession } from './import-store';
import { DifferencesList } from './DifferencesList';
import { FindingGroups } from './FindingGroups';
import { ImportFacts } from './ImportFacts';
import { useImportActions } from './useImportActions';
import { useImportPreview } from './useImportPreview';
import './import.css';

/**
 * 导入预览 (#/import): what was read from the file — kind, format, year, agency, title, publish
 * date, how sure the table reading is, the importer's notes, the checks, the report itself, and
 * for an edited exported .docx the edits to take or leave — before anything is saved.
 */

function ImportPreviewBody({ session }: { session: ImportSession }) {
  const { preview } = session;
  const notReport = notReportOf(preview.report);
  const p = useImportPreview(session);
  const { report, counts, busy } = p;
  const [tab, setTab] = useState<string>(p.hasDiffs ? 'diff' : 'text');
  const previewRoot = useRef<ShadowRoot | null>(null);
  const template = report.format !== 'pre-2019' ? templateFor(report.format) : null;
  // A finding's click shows its place in the full text (switching to that tab first).
  const showFinding = (f: Finding) => {
    setTab('text');
    showFindingWhenDrawn(() => previewRoot.current, report, f);
  };

  const saveButton = (mode: 'new' | 'update', label: string, primary: boolean) => (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={primary ? <SaveOutlined /> : undefined}
      loading={busy === mode}
      disabled={busy !== null}
      onClick={() => void p.save(mode)}
    >
      {label}
    </Button>
  );

  return (
    <div className="screen">
      <AppHeader
        extra={
          <Space size={8}>
            <Button onClick={p.back}>取消</Button>
            <Button icon={<ForwardOutlined />} onClick={() => void p.startRollover()}>
              以此为上年报告新建…
            </Button>
            {preview.existing ? (
              <>
                {saveButton('new', '另存为新报告', false)}
                {saveButton('update', '更新原报告', true)}
              </>
            ) : (
              saveButton('new', '保存到年报库', true)
            )}
          </Space>
        }
      >
        <BackButton onClick={p.back}>{session.from === 'batch' ? '批量检查' : '年报库'}</BackButton>
        <h1 className="screen-title import-title" title={session.fileName}>
          导入预览：{session.fileName}
        </h1>
      </AppHeader>
      <div className="import-body">
        <aside className="import-side" aria-label="识别结果">
          {p.problem ? (
            <Alert type="error" showIcon title="没有保存" description={p.problem} className="gap-bottom" />
          ) : null}
          {notReport ? (
            <Alert
              type="warning"
              showIcon
              className="gap-bottom"
              title={notReport.reason === 'template' ? '这是空白的年报模板，不是年报' : '这不是一份完整的年报'}
              description={notReport.message}
            />
          ) : null}
          {preview.existing ? (
            <Alert
              type="info"
              showIcon
              className="gap-bottom"
              title="年报库中已有这份年报"
              description={`“${preview.existing.agency}”${preview.existing.year}年度，修改于 ${formatTime(preview.existing.updatedAt)}。“更新原报告”用导入的内容替换它（原内容留作备份，可在“备份”中恢复）；“另存为新报告”则两份都保留。`}
            />
          ) : null}
          <ImportFacts preview={preview} report={report} />
          <h2 className="import-h2">
            检查结果
            <span className="import-counts">
              {counts.error ? (
                <Tag color="error" variant="outlined">
                  {counts.error} 个错误
                </Tag>
              ) : null}
              {counts.warning ? (
                <Tag color="warning" variant="outlined">
                  {counts.warning} 个警告
                </Tag>
              ) : null}
            </span>
          </h2>
          {p.last ? (
            <p className="muted small">
              {session.from === 'batch' ? '已与这次批量检查中的上年报告对照。' : '已与年报库中的上年报告对照。'}
            </p>
          ) : null}
          <FindingGroups findings={p.findings} template={template} onShow={showFinding} />
        </aside>
        <main className="import-main" aria-label="导入的内容">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              ...(p.hasDiffs
                ? [
                    {
                      key: 'diff',
                      label: `Word / WPS 中的修改（${p.differences.length}）`,
                      children: (
                        <DifferencesList differences={p.differences} accepted={p.accepted} onChange={p.setAccepted} />
                      ),
                    },
                  ]
                : []),
              {
                key: 'text',
                label: p.hasDiffs ? '全文与表格（按所选修改）' : '全文与表格',
                children: <ReportView report={report} label="导入的年报全文" rootRef={previewRoot} />,
              },
            ]}
          />
        </main>
      </div>
      <RolloverDialog
        open={p.rollover !== null}
        file={p.rollover ?? undefined}
        fileReport={report}
        onClose={p.closeRollover}
      />
    </div>
  );
}

export function ImportScreen() {
  const session = useImportSession();
  const { pickAndImport } = useImportActions();
  if (!session) {
    return (
      <div className="screen">
        <AppHeader>
          <BackButton onClick={() => navigate({ screen: 'library' })}>年报库</BackButton>
          <h1 className="screen-title">导入预览</h1>
        </AppHeader>
        <div className="center-fill">
          <Empty description="没有正在导入的文件（预览不会保存，刷新页面后需要重新选择文件）。">
            <Button type="primary" icon={<ImportOutlined />} onClick={() => void pickAndImport()}>
              导入…
            </Button>
          </Empty>
        </div>
      </div>
    );
  }
  return <ImportPreviewBody key={session.key} session={session} />;
}
