import { useEffect, useState } from 'react';
import { Alert, Empty, Radio, Spin } from 'antd';
import { KeyModal } from '../common/KeyModal';
import type { BackupInfo, BackupReason, DamagedReport } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';
import { formatTime } from '../logic/format-time';

const REASONS: Record<BackupReason, string> = {
  auto: '编辑时自动备份',
  delete: '删除前的版本',
  restore: '恢复备份前的版本',
  replace: '被打开的文件替换前的版本',
};

const size = (n: number) => (n < 1024 ? `${n} 字节` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`);

/** Lists a report's backups (or a damaged file's) and restores the one the clerk picks. */
export function BackupDialog(props: {
  target: { id: string; label: string; damaged?: DamagedReport } | null;
  onClose(): void;
  onRestored(label: string): void;
}) {
  const { target, onClose, onRestored } = props;
  const { api } = useServices();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setBackups(null);
    setChoice(null);
    setError(null);
    if (!target) return;
    if (target.damaged) {
      setBackups(target.damaged.backups);
      setChoice(target.damaged.backups[0]?.name ?? null);
      return;
    }
    api.listBackups(target.id).then(
      (list) => {
        setBackups(list);
        setChoice(list[0]?.name ?? null);
      },
      (e) => setError(errorText(e)),
    );
  }, [target, api]);

  const restore = async () => {
    if (!target || !choice) return;
    setBusy(true);
    try {
      await api.restoreBackup(target.id, choice);
      onRestored(target.label);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <KeyModal
      open={target !== null}
      focusKey={backups === null ? 'loading' : backups.length}
      title={target?.damaged ? '从备份恢复' : `${target?.label ?? ''}的备份`}
      okText="恢复所选备份"
      cancelText="取消"
      okButtonProps={{ disabled: !choice }}
      confirmLoading={busy}
      onOk={restore}
      onCancel={onClose}
      destroyOnHidden
    >
      {target?.damaged ? (
        <Alert
          type="error"
          showIcon
          className="gap-bottom"
          title={`文件 ${target.damaged.file} 无法读取`}
          description={target.damaged.problem}
        />
      ) : (
        <p className="muted">恢复后，当前内容会先另存为一份备份，不会丢失。</p>
      )}
      {error ? <Alert type="error" showIcon title={error} className="gap-bottom" /> : null}
      {backups === null && !error ? (
        <Spin />
      ) : backups && backups.length === 0 ? (
        <Empty description="这份年报还没有备份" />
      ) : backups ? (
        <Radio.Group
          value={choice}
          onChange={(e) => setChoice(e.target.value as string)}
          className="backup-list"
          aria-label="选择备份"
        >
          {backups.map((b) => (
            <Radio key={b.name} value={b.name} className="backup-item">
              <span>{formatTime(b.savedAt)}</span>
              <span className="muted small">
                {' '}
                · {b.reason ? REASONS[b.reason] : '备份'} · {size(b.size)}
              </span>
            </Radio>
          ))}
        </Radio.Group>
      ) : null}
    </KeyModal>
  );
}
