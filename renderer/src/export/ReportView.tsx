import { useEffect, useLayoutEffect, useRef, type MutableRefObject } from 'react';
import type { Report } from '../../../shared/model/types';
import { buildHtml } from '../../../shared/export/html/build';
import { A4_WIDTH_PX, fitZoom, splitStandaloneHtml } from './report-html';

/**
 * The report as it will be published: the standalone page of `buildHtml` (the same HTML the
 * export writes and the PDF is printed from), drawn as an A4 sheet on a grey surround.
 *
 * It lives in a shadow root: the app's CSS does not reach it and its CSS does not leak out, with
 * no frame (so no CSP or navigation exception is needed in either shell). The page has no scripts
 * and buildHtml escapes every text; the app's CSP would block an inline script anyway.
 * Updates are debounced and only touch the DOM when the HTML changed, so typing stays cheap.
 */

const SHELL_CSS = `
:host { all: initial; display: block; }
.sheet-surround { background: #e9ebee; padding: 24px 24px 32px; }
.sheet { width: ${A4_WIDTH_PX}px; margin: 0 auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.18), 0 0 0 1px rgba(0,0,0,.06); }
.sheet .nb-report { max-width: none; width: 100%; margin: 0; min-height: ${Math.round(A4_WIDTH_PX * 1.414)}px; }
.nb-flash { animation: nb-flash 1.6s ease-out; outline: 3px solid #d48806; outline-offset: 2px; }
@keyframes nb-flash { 0%, 40% { background: #ffe58f; } 100% { background: transparent; } }
`;

export function ReportView({
  report,
  label,
  delayMs = 120,
  rootRef,
}: {
  report: Report;
  label: string;
  delayMs?: number;
  /** The page's shadow root, to find a place in it (the import preview's findings). */
  rootRef?: MutableRefObject<ShadowRoot | null>;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const parts = useRef<{ root: ShadowRoot; style: HTMLStyleElement; sheet: HTMLDivElement; html: string } | null>(null);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    root.replaceChildren();
    const style = document.createElement('style');
    const surround = document.createElement('div');
    surround.className = 'sheet-surround';
    const sheet = document.createElement('div');
    sheet.className = 'sheet';
    surround.appendChild(sheet);
    root.append(style, surround);
    parts.current = { root, style, sheet, html: '' };
    if (rootRef) rootRef.current = root;

    // Fit the A4 sheet into the pane (never larger than life).
    const fit = () => {
      const z = fitZoom(host.clientWidth);
      surround.style.setProperty('zoom', String(z));
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(host);
    return () => {
      ro.disconnect();
      parts.current = null;
      if (rootRef) rootRef.current = null;
    };
  }, [rootRef]);

  useEffect(() => {
    const render = () => {
      const p = parts.current;
      if (!p) return;
      const html = buildHtml(report, { standalone: true });
      if (html === p.html) return;
      p.html = html;
      const { css, body } = splitStandaloneHtml(html);
      const nextCss = `${css}\n${SHELL_CSS}`;
      if (p.style.textContent !== nextCss) p.style.textContent = nextCss;
      p.sheet.innerHTML = body;
    };
    // The first paint at once; while typing, once the clerk pauses.
    if (!parts.current?.html) {
      render();
      return;
    }
    const t = setTimeout(render, delayMs);
    return () => clearTimeout(t);
  }, [report, delayMs]);

  return <div ref={hostRef} className="report-view" role="document" aria-label={label} />;
}
