import { useState } from 'react';
import { App as AntApp, Button, Input, Space } from 'antd';
import { KeyModal } from '../common/KeyModal';
import { CopyOutlined, ExportOutlined } from '@ant-design/icons';
import type { Report } from '../../../shared/model/types';
import { clipboardPayload } from '../../../shared/export/clipboard';
import { ReportView } from '../export/ReportView';
import { copyHtmlAndText } from '../export/clipboard-copy';
import '../export/export.css';

/**
 * 预览全文: the report exactly as it will be published (the HTML the export writes), updating
 * while the clerk types, with 导出… and 复制网站版 (the fragment for the website's editor).
 */
export function PreviewPage({ report, onExport }: { report: Report; onExport(): void }) {
  const { message } = AntApp.useApp();
  const [manual, setManual] = useState<string | null>(null);

  const copy = async () => {
    const payload = clipboardPayload(report);
    const how = await copyHtmlAndText(payload.html, payload.text);
    if (how) void message.success('已复制网站版。在网站后台的编辑器中粘贴即可（表格和合并的格一并保留）。');
    else setManual(payload.html);
  };

  return (
    <div className="preview-screen">
      <div className="preview-toolbar" role="toolbar" aria-label="预览工具">
        <p className="muted preview-note">以下是发布时的样子（与导出的网页、PDF 相同）。修改内容后，预览随即更新。</p>
        <Space size={8}>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            复制网站版
          </Button>
          <Button type="primary" icon={<ExportOutlined />} onClick={onExport}>
            导出…
          </Button>
        </Space>
      </div>
      <ReportView report={report} label={`《${report.title || '年报'}》预览`} />
      <KeyModal
        open={manual !== null}
        title="复制网站版"
        onCancel={() => setManual(null)}
        footer={<Button onClick={() => setManual(null)}>关闭</Button>}
        width={720}
      >
        <p>
          这台电脑不允许程序直接写入剪贴板。请点下面的框，按 Ctrl+A 全选，再按 Ctrl+C
          复制，然后到网站后台编辑器的“源代码”模式中粘贴。
        </p>
        <Input.TextArea
          aria-label="网站版 HTML"
          data-autofocus
          readOnly
          value={manual ?? ''}
          autoSize={{ minRows: 8, maxRows: 16 }}
          onFocus={(e) => e.currentTarget.select()}
        />
      </KeyModal>
    </div>
  );
}
