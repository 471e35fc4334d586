import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';

/**
 * The way back, first in a screen's top bar (AppHeader): a plain text button with a left arrow,
 * labelled with where it leads (年报库, 批量检查, 返回年报) — one component so that every screen's
 * looks and is reached (Tab, Enter/Space) alike. `back-button` keeps it from shrinking beside a
 * long title.
 */
export function BackButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={onClick} className="back-button">
      {children}
    </Button>
  );
}
