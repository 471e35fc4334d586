import { Button, Drawer, Empty } from 'antd';
import type { ReportSummary } from '../../../shared/service/api';
import { formatTime } from '../logic/format-time';
import { focusWhenPresent } from '../common/focus-when-present';

/** Deleted reports, each with 恢复. */
export function TrashDrawer(props: {
  open: boolean;
  trash: ReportSummary[];
  onClose(): void;
  onRestore(id: string, label: string): Promise<void>;
}) {
  const { open, trash, onClose, onRestore } = props;
  // The restored entry leaves the list: the keyboard goes on to its neighbour, or to 关闭 when none is left.
  const restore = async (button: HTMLElement, id: string, label: string) => {
    const item = button.closest('li');
    const next = item?.nextElementSibling ?? item?.previousElementSibling;
    const drawer = button.closest<HTMLElement>('.ant-drawer');
    await onRestore(id, label);
    focusWhenPresent(
      () =>
        (next?.isConnected ? next.querySelector<HTMLElement>('button') : null) ??
        drawer?.querySelector<HTMLElement>('.ant-drawer-close'),
    );
  };
  return (
    <Drawer open={open} onClose={onClose} title="回收站" size={460} closable={{ 'aria-label': '关闭回收站' }}>
      <p className="muted">删除的年报保存在这里，可以随时恢复到年报库。</p>
      {trash.length === 0 ? (
        <Empty description="回收站是空的" />
      ) : (
        <ul className="plain-list" aria-label="已删除的年报">
          {trash.map((r) => {
            const label = `“${r.agency}”${r.year}年度年报`;
            return (
              <li key={r.id} className="trash-item">
                <div>
                  <div>
                    {r.agency} · {r.year}年
                  </div>
                  <div className="muted small">
                    {r.deletedAt ? `删除于 ${formatTime(r.deletedAt)}` : `最后修改 ${formatTime(r.updatedAt)}`}
                  </div>
                </div>
                <Button
                  size="small"
                  onClick={(e) => void restore(e.currentTarget, r.id, label)}
                  aria-label={`恢复${label}`}
                >
                  恢复
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Drawer>
  );
}
