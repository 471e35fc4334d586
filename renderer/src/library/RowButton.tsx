import { Children, createContext, useContext, useMemo, type PointerEvent, type ReactNode } from 'react';
import { theme } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { CSS_VAR_KEY } from '../app/theme';

/**
 * The buttons of the library's rows: plain <button>s with the classes antd's Button gives the
 * same kinds (link, small primary ghost, small text, small danger text), so they look the same.
 * The library renders about six per row in sight; as antd Buttons (style hooks, wave, contexts
 * per instance) they were a large part of the library's first display. antd's Button styles are
 * in the page already: the library's toolbar, always shown with the list, renders antd Buttons.
 */
type Kind = 'link' | 'open' | 'text' | 'danger';

const KIND_CLASSES: Record<Kind, string> = {
  link: 'ant-btn-link ant-btn-color-link ant-btn-variant-link',
  open: 'ant-btn-primary ant-btn-color-primary ant-btn-variant-outlined ant-btn-sm ant-btn-background-ghost',
  text: 'ant-btn-text ant-btn-color-default ant-btn-variant-text ant-btn-sm',
  danger: 'ant-btn-text ant-btn-dangerous ant-btn-color-dangerous ant-btn-variant-text ant-btn-sm',
};

/** antd's style scope (hash and CSS-variable classes), read once per list rather than once per button. */
const ScopeContext = createContext('');

export function RowButtonScope({ children }: { children: ReactNode }) {
  const { hashId } = theme.useToken();
  const scope = useMemo(() => [hashId, CSS_VAR_KEY].filter(Boolean).join(' '), [hashId]);
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export interface RowButtonProps {
  kind: Kind;
  children: ReactNode;
  onClick(): void;
  icon?: ReactNode;
  /** As antd's `loading`: a spinning icon, clicks ignored. */
  loading?: boolean;
  className?: string;
  /** Drawn inside the button after its text: a lazy tooltip's anchor (LazyTooltip.tsx). */
  after?: ReactNode;
  onPointerEnter?(e: PointerEvent): void;
  onPointerLeave?(e: PointerEvent): void;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'data-open-id'?: string;
}

export function RowButton({ kind, children, onClick, icon, loading, className, after, ...aria }: RowButtonProps) {
  const scope = useContext(ScopeContext);
  const classes = ['ant-btn', scope, KIND_CLASSES[kind], loading ? 'ant-btn-loading' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  const shownIcon = loading ? <LoadingOutlined /> : icon;
  return (
    <button {...aria} type="button" className={classes} onClick={loading ? undefined : onClick}>
      {shownIcon ? <span className="ant-btn-icon">{shownIcon}</span> : null}
      <span>{children}</span>
      {after}
    </button>
  );
}

/**
 * A row's actions side by side: the markup of antd's `<Space size={2}>` (whose styles the toolbar's
 * Space brings), without its per-instance hooks.
 */
export function RowActions({ children }: { children: ReactNode }) {
  const scope = useContext(ScopeContext);
  return (
    <div className={`ant-space ${scope} ant-space-horizontal ant-space-align-center`} style={{ gap: 2 }}>
      {Children.toArray(children).map((child, i) => (
        <div key={i} className="ant-space-item">
          {child}
        </div>
      ))}
    </div>
  );
}
