import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Spin } from 'antd';

/**
 * Screens and dialogs other than the library's list live in chunks of their own: the first
 * script a visit loads is what the library needs, the rest comes when it is opened (and, once
 * the library is shown, is fetched ahead while the clerk reads the list: see preloadScreens).
 */
const loadEditor = () => import('../editor/EditorScreen');
const loadImport = () => import('../import/ImportScreen');
const loadBatch = () => import('../batch/BatchScreen');
const loadAggregate = () => import('../aggregate/AggregateScreen');

export const EditorScreen = lazy(() => loadEditor().then((m) => ({ default: m.EditorScreen })));
export const ImportScreen = lazy(() => loadImport().then((m) => ({ default: m.ImportScreen })));
export const BatchScreen = lazy(() => loadBatch().then((m) => ({ default: m.BatchScreen })));
export const AggregateScreen = lazy(() => loadAggregate().then((m) => ({ default: m.AggregateScreen })));

let preloaded = false;

/**
 * After the library is on screen: fetch the editor's chunk (and what the caller adds, e.g. the
 * new-report dialog) while the browser is idle, so that opening a report does not wait for it.
 */
export function preloadScreens(more: Array<() => Promise<unknown>> = []): void {
  if (preloaded) return;
  preloaded = true;
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
  idle(() => {
    for (const load of [loadEditor, ...more]) void load().catch(() => undefined);
  });
}

/** What a screen shows while its chunk arrives. */
export function ScreenLoading() {
  return (
    <div className="center-fill">
      <Spin description="正在打开…" />
    </div>
  );
}

export function LazyScreen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
}

/**
 * A dialog mounted from the first time it opens on (and kept, so that it can animate closed and
 * keep its state as before): until then neither it nor its chunk is loaded.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);
  return used || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
