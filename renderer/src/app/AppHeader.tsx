import type { ReactNode } from 'react';

/** The bar at the top of every screen: the app's name, then the screen's own content. */
export function AppHeader({ children, extra }: { children?: ReactNode; extra?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="brand" aria-label="年报编制助手">
        <span className="brand-seal" aria-hidden="true">
          年
        </span>
        <span className="brand-name">年报编制助手</span>
      </div>
      <div className="app-header-main">{children}</div>
      {extra ? <div className="app-header-extra">{extra}</div> : null}
    </header>
  );
}
