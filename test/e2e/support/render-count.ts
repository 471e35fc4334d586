import type { Page } from '@playwright/test';

/**
 * Which React components rendered (the e2e spec grid-render-count and the ui bench). Installed
 * before the app loads as React's DevTools hook, which React hands every commit to: after each
 * commit the fiber tree is walked, and a component counts as rendered when its props or hook state
 * differ from the last commit's (a memoised component that bailed out keeps both).
 * Named `by`:
 * - 'element' (a minified build: component names are gone): by its first DOM element,
 *   `cell:<key>` (td[data-key]), `grid` (div.grid-scroll), `table-section`, `panel` (the findings
 *   panel), `finding:<id>` (li[data-finding]), `nav` (the section list), else `<tag>.<class>`;
 *   prefixed with `~` when the component draws another component first (named by its element).
 * - 'component' (a build without minification): by its function's or class's name.
 * A plain script, not a function handed to Playwright: tsx would wrap its inner functions in
 * __name(), which the page does not have.
 */
export type NameBy = 'element' | 'component';

const script = (by: NameBy) => `(() => {
  const BY = ${JSON.stringify(by)};
  // Function, class, forwardRef and simple memo components. Not a memo wrapper with its own compare
  // (14): it takes the new props even when it bails out; its inner component (0) is what renders.
  const COMPONENT = new Set([0, 1, 11, 15]);
  const seen = new WeakMap();
  const hostOf = (f) => {
    let c = f.child;
    while (c && c.tag !== 5) c = c.child;
    return c ? c.stateNode : null;
  };
  // Named by the element it draws itself; a component that draws another component first (a list
  // of findings, a wrapper) is named '~' + that element, so as not to be taken for it.
  const direct = (f) => !!f.child && f.child.tag === 5;
  const elementName = (el) => {
    if (!el || !el.tagName) return '?';
    if (el.matches('td[data-key]')) return 'cell:' + el.dataset.key;
    if (el.matches('li[data-finding]')) return 'finding:' + el.dataset.finding;
    if (el.matches('div.grid-scroll')) return 'grid';
    if (el.matches('section.table-section')) return 'table-section';
    if (el.matches('aside.findings-panel')) return 'panel';
    if (el.matches('nav.section-nav')) return 'nav';
    return el.tagName.toLowerCase() + (el.classList[0] ? '.' + el.classList[0] : '');
  };
  const componentName = (f) => {
    const t = f.type;
    if (!t || typeof t === 'string') return '?';
    return t.displayName || t.name || (t.render && t.render.name) || 'anonymous';
  };
  const nameOf = (f) =>
    BY === 'component' ? componentName(f) : (direct(f) ? '' : '~') + elementName(hostOf(f));
  const walk = (root) => {
    const stack = [root];
    while (stack.length) {
      const f = stack.pop();
      if (COMPONENT.has(f.tag)) {
        const rec = seen.get(f) || (f.alternate ? seen.get(f.alternate) : undefined);
        const rendered = !rec || rec.p !== f.memoizedProps || rec.s !== f.memoizedState;
        if (rendered && window.__renders) window.__renders.push(nameOf(f));
        const next = { p: f.memoizedProps, s: f.memoizedState };
        seen.set(f, next);
        if (f.alternate) seen.set(f.alternate, next);
      }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
  };
  window.__renders = null;
  let ids = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => ++ids,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id, root) => walk(root.current),
  };
})();`;

export async function installRenderCounter(page: Page, by: NameBy = 'element'): Promise<void> {
  await page.addInitScript({ content: script(by) });
}

/** Starts counting (and forgets what was counted). */
export async function startCounting(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __renders: string[] | null }).__renders = [];
  });
}

/**
 * The components rendered since `startCounting`, by name, once the page has settled: two frames and
 * `pauseMs`, by when the commits a keystroke causes (the cell, then what the checks changed) are done.
 */
export async function rendered(page: Page, pauseMs = 50): Promise<string[]> {
  await page.evaluate(
    (ms) => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, ms)))),
    pauseMs,
  );
  return page.evaluate(() => (window as unknown as { __renders: string[] | null }).__renders ?? []);
}
