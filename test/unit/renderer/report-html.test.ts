import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/html/build';
import { sampleReport } from '../../../shared/sample/sample-report';
import { A4_WIDTH_PX, fitZoom, splitStandaloneHtml } from '../../../renderer/src/export/report-html';

describe('preview: the standalone page split for a shadow root', () => {
  it('keeps the one style sheet and the body, drops the document shell', () => {
    const html = buildHtml(sampleReport(), { standalone: true });
    const { css, body } = splitStandaloneHtml(html);
    expect(css).toContain('.nb-report');
    expect(css).not.toContain('<style');
    expect(body).toContain('云溪县市场监督管理局');
    expect(body).toContain('<table');
    expect(body).not.toMatch(/<\/?(html|head|body|style|title)\b/i);
    // Everything the page shows is in the body part.
    expect(html.indexOf(body)).toBeGreaterThan(html.indexOf('<body'));
  });

  it('text that looks like markup stays escaped in the body', () => {
    const r = sampleReport();
    r.sections[0]!.blocks.push({ type: 'paragraph', text: '</body><style>x{}</style><script>alert(1)</script>' });
    const { body, css } = splitStandaloneHtml(buildHtml(r, { standalone: true }));
    expect(body).toContain('&lt;/body&gt;&lt;style&gt;');
    expect(body).not.toContain('<script');
    expect(css).not.toContain('x{}');
  });

  it('fits an A4 page into narrow panes, never enlarges', () => {
    expect(A4_WIDTH_PX).toBe(794);
    expect(fitZoom(2000)).toBe(1);
    expect(fitZoom(842)).toBe(1);
    expect(fitZoom(760)).toBeCloseTo(0.9, 2);
    expect(fitZoom(100)).toBe(0.4);
    expect(fitZoom(0)).toBe(1);
  });
});
