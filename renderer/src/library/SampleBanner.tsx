import { useState } from 'react';
import { App as AntApp, Alert, Button, Space } from 'antd';
import type { Report } from '../../../shared/model/types';
import { errorText, useServices } from '../api/context';
import { navigate } from '../app/router';

/**
 * Over every page of the sample report: what it is (fictional, to look around), that it is nobody's
 * last year and in no history, and the way out — delete it, or start the clerk's own report.
 */
export function SampleBanner({ report }: { report: Report }) {
  const { api, saves } = useServices();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  if (report.meta.sample !== true) return null;

  const remove = async () => {
    setBusy(true);
    try {
      // A pending autosave of the sample would otherwise be refused once it is in the trash.
      await saves.flush();
      await api.deleteReport(report.meta.id);
      void message.success('已删除示例年报（可在回收站中找回；需要时也可以再点“打开示例年报”）。');
      navigate({ screen: 'library' }, true);
    } catch (e) {
      void message.error(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Alert
      type="info"
      showIcon
      className="sample-banner"
      title="这是程序自带的示例年报"
      description={
        <>
          <p>内容是虚构的，只用来了解程序的用法和成品的样子。它不会作为任何年报的上年报告，也不计入历年趋势。</p>
          <Space size={8} wrap>
            <Button size="small" onClick={() => navigate({ screen: 'library', create: true })}>
              新建本单位的年报…
            </Button>
            <Button size="small" danger loading={busy} onClick={() => void remove()}>
              删除示例年报
            </Button>
          </Space>
        </>
      }
    />
  );
}
