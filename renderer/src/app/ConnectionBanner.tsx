import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { safeFileName } from '../../../shared/export/file-name';
import { CONNECTION_MESSAGES } from '../../../shared/service/http-client';
import { useServices } from '../api/context';
import { downloadText } from '../export/download';

const noop = () => () => undefined;

/**
 * One sentence across the top when this window cannot work normally, each with the one thing to
 * do: the local server is gone or restarting (the page reconnects by itself and saves what
 * waited), the restarted server no longer knows this page (download the unsaved edits), or the
 * data folder may only be read (another window holds it, or it cannot be written).
 */
export function ConnectionBanner(props: { onShown(shown: boolean): void }) {
  const { api, saves, connection } = useServices();
  const state = useSyncExternalStore(connection?.subscribe ?? noop, connection?.getState ?? (() => 'ok' as const));
  const save = useSyncExternalStore(
    (cb) => saves.subscribe(cb),
    () => saves.getState(),
  );
  const [readOnly, setReadOnly] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.appInfo().then(
      (info) => live && setReadOnly(info.readOnly ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const unsaved = saves.pendingReports();
  const download = () => {
    for (const r of unsaved) {
      const name = safeFileName(`${r.agency.name.trim() || '年报'}${r.year}年（未保存的修改）`);
      downloadText(`${name}.nianbao`, `${JSON.stringify(r, null, 2)}\n`, 'application/x-nianbao+json');
    }
  };
  const shown = state !== 'ok' || readOnly !== null;
  const { onShown } = props;
  useEffect(() => onShown(shown), [onShown, shown]);
  if (!shown) return null;

  const text =
    state === 'offline' ? CONNECTION_MESSAGES.offline : state === 'denied' ? CONNECTION_MESSAGES.denied : readOnly!;
  const canDownload = unsaved.length > 0 && (state !== 'ok' || save.status === 'error');
  return (
    <Alert
      className="connection-banner"
      type={state === 'ok' ? 'info' : 'error'}
      role="alert"
      banner
      showIcon
      title={text}
      action={
        canDownload ? (
          <Button size="small" icon={<DownloadOutlined />} onClick={download}>
            下载未保存的修改
          </Button>
        ) : undefined
      }
    />
  );
}
