import { AxeBuilder } from '@axe-core/playwright';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtml, buildHtmlFragment } from '../../../shared/export/html/build';
import { clipboardPayload } from '../../../shared/export/clipboard';
import { tableDefFor } from '../../../shared/export/table-layout';
import type { Report } from '../../../shared/model/types';
import { GOV_2021 } from '../../../templates/index';
import { ALL_FIXTURES, report2019, richReport } from './fixtures';
import { describeWithTools } from './helpers/tools';

const validateStandalone = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'] });
// A fragment cannot carry a <style> element validly, so its styles are inline (the one rule relaxed).
const validateFragment = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off' },
});

async function errors(validator: HtmlValidate, html: string): Promise<string[]> {
  const res = await validator.validateString(html);
  return res.results.flatMap((r) =>
    r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`),
  );
}

const text = (el: Element) => DomUtils.textContent(el).trim();

/** Origin cells of an HTML table with their spans, as the template lists them. */
function htmlSpans(table: Element) {
  const rows = DomUtils.findAll((e) => e.name === 'tr', [table]);
  const taken: boolean[][] = rows.map(() => []);
  const cells: { r: number; c: number; rowspan: number; colspan: number; tag: string; scope?: string; text: string }[] =
    [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of tr.children.filter(
      (n): n is Element => (n as Element).name === 'td' || (n as Element).name === 'th',
    )) {
      while (taken[r]![c]) c++;
      const rowspan = Number(td.attribs['rowspan'] ?? 1);
      const colspan = Number(td.attribs['colspan'] ?? 1);
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) (taken[r + i] ??= [])[c + j] = true;
      cells.push({
        r,
        c,
        rowspan,
        colspan,
        tag: td.name,
        ...(td.attribs['scope'] ? { scope: td.attribs['scope'] } : {}),
        text: text(td),
      });
      c += colspan;
    }
  });
  return cells;
}

describe('HTML export', () => {
  it.each(ALL_FIXTURES)(
    '%s: the standalone page and the fragment validate (html-validate, no errors)',
    async (_n, make) => {
      const report = make();
      expect(await errors(validateStandalone, buildHtml(report, { standalone: true }))).toEqual([]);
      expect(await errors(validateFragment, buildHtmlFragment(report))).toEqual([]);
      expect(await errors(validateFragment, buildHtmlFragment(report, { includeTitle: true }))).toEqual([]);
    },
  );

  it('standalone: one <style>, no scripts, no external resources; fragment: no <html>/<head>/<style>/<script>', () => {
    const report = richReport();
    const page = buildHtml(report, { standalone: true });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|<link|\bsrc=|\bhref=|url\(|@import|style="/i);
    const fragment = buildHtmlFragment(report);
    expect(fragment).not.toMatch(/<html|<head|<body|<style|<script|<link|<meta|<!DOCTYPE|\bsrc=|\bhref=|url\(/i);
    expect(fragment.trim().startsWith('<article')).toBe(true);
    expect(fragment).not.toContain('<h1'); // the website page shows the title itself
    expect(buildHtmlFragment(report, { includeTitle: true })).toContain('<h1');
  });

  it('tables: the template merges, th with scope for headers and labels, a caption, numbers as text (0 printed, blank empty)', () => {
    const report = richReport();
    const dom = parseDocument(buildHtml(report, { standalone: true }));
    const tables = DomUtils.findAll((e) => e.name === 'table', dom.children);
    expect(tables).toHaveLength(3);
    GOV_2021.tables.forEach((def, i) => {
      const cells = htmlSpans(tables[i]!);
      const got = cells.map((c) => `${c.r},${c.c} ${c.rowspan}x${c.colspan}`).sort();
      expect(got, def.id).toEqual(def.cells.map((c) => `${c.r},${c.c} ${c.rowspan ?? 1}x${c.colspan ?? 1}`).sort());
      for (const cell of def.cells) {
        const h = cells.find((c) => c.r === cell.r && c.c === cell.c)!;
        if (cell.role === 'data') {
          expect(h.tag).toBe('td');
          const v = report.cells[cell.key!];
          expect(h.text, cell.key).toBe(v === null || v === undefined ? '' : String(v));
        } else if (cell.role === 'note') expect(h.tag).toBe('td');
        else {
          expect(h.tag, cell.text).toBe('th');
          expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(h.scope);
          expect(h.text).toBe(cell.text);
        }
      }
      const caption = DomUtils.findOne((e) => e.name === 'caption', [tables[i]!])!;
      expect(text(caption)).toBe(def.caption);
    });
    const t3 = htmlSpans(tables[1]!);
    expect(t3.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ rowspan: 22, scope: 'rowgroup' });
    expect(t3.find((c) => c.text === '申请人情况')).toMatchObject({ colspan: 7, scope: 'colgroup' });
    expect(t3.find((c) => c.text === '自然人')).toMatchObject({ rowspan: 2, scope: 'col' });
    expect(t3.find((c) => c.text === '1.属于国家秘密')).toMatchObject({ scope: 'row' });
    // Blank vs 0 in Table 2.
    const t2 = htmlSpans(tables[0]!);
    expect(t2.find((c) => c.r === 2 && c.c === 1)!.text).toBe('');
    expect(t2.find((c) => c.r === 2 && c.c === 2)!.text).toBe('0');
    expect(t2.find((c) => c.r === 13 && c.c === 1)!.text).toBe('24252.311082');

    const r19 = report2019();
    const t19 = parseDocument(buildHtml(r19, { standalone: true }));
    const t3of2019 = htmlSpans(DomUtils.findAll((e) => e.name === 'table', t19.children)[1]!);
    expect(t3of2019.map((c) => `${c.r},${c.c} ${c.rowspan}x${c.colspan}`).sort()).toEqual(
      tableDefFor(r19, 't3')!
        .cells.map((c) => `${c.r},${c.c} ${c.rowspan ?? 1}x${c.colspan ?? 1}`)
        .sort(),
    );
  });

  it('headings are headings: h1 title, h2 for the six parts, h3 （一）, h4 1.; text is escaped', () => {
    const report = richReport();
    const page = buildHtml(report, { standalone: true });
    const dom = parseDocument(page);
    const h = (n: string) => DomUtils.findAll((e) => e.name === n, dom.children).map(text);
    expect(h('h1')).toEqual(['云溪县市场监督管理局2024年政府信息公开工作年度报告']);
    expect(h('h2')).toEqual(GOV_2021.sections.map((s) => s.heading));
    expect(h('h3')).toContain('（一）主动公开');
    expect(h('h4')).toEqual(['1. 政务新媒体', '2. 特殊字符']);
    expect(page).toContain('A&amp;B &lt;tag&gt; &quot;quoted&quot;');
    expect(page).toContain('第一行<br>第二行（段内换行）');
    expect(page).not.toContain('<tag>');
  });

  it('the clipboard carries the fragment and a plain-text version with every label and number', () => {
    const report: Report = richReport();
    const clip = clipboardPayload(report);
    expect(clip.html).toBe(buildHtmlFragment(report));
    for (const def of GOV_2021.tables) for (const c of def.cells) if (c.text) expect(clip.text).toContain(c.text);
    expect(clip.text).toContain('行政事业性收费\t24252.311082');
  });
});

describeWithTools(['chromium'], 'HTML in Chromium (axe-core, phone width)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (html: string, width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.setContent(html);
    return { page, context };
  };

  it.each(ALL_FIXTURES.slice(0, 5))(
    '%s: no serious or critical axe-core violations (standalone and fragment in a page)',
    async (_n, make) => {
      const report = make();
      const shell = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>政府网站</title></head><body><main><h1>${report.title}</h1>${buildHtmlFragment(report)}</main></body></html>`;
      for (const html of [buildHtml(report, { standalone: true }), shell]) {
        const { page, context } = await open(html);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
        expect(bad).toEqual([]);
        await context.close();
      }
    },
  );

  it('the axe harness does report serious violations (so the check above can fail)', async () => {
    const { page, context } = await open(
      '<!DOCTYPE html><html><head><title>x</title></head><body><table><tr><th></th><td>1</td></tr></table><input type="text"></body></html>',
    );
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.some((v) => v.impact === 'serious' || v.impact === 'critical')).toBe(true);
    await context.close();
  });

  it('on a 375 px phone the page does not overflow; wide tables scroll inside their wrapper', async () => {
    for (const html of [
      buildHtml(richReport(), { standalone: true }),
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>t</title></head><body>${buildHtmlFragment(richReport())}</body></html>`,
    ]) {
      const { page, context } = await open(html, 375);
      const m = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wraps: [...document.querySelectorAll('table')].map((t) => {
          const w = t.parentElement!;
          return { scroll: w.scrollWidth, client: w.clientWidth, overflow: getComputedStyle(w).overflowX };
        }),
      }));
      expect(m.page).toBeLessThanOrEqual(m.client);
      expect(m.wraps).toHaveLength(3);
      for (const w of m.wraps) expect(w.overflow).toBe('auto');
      // Table 3 (10 columns) and Table 4 (15 columns) keep readable columns and scroll sideways.
      expect(m.wraps[1]!.scroll).toBeGreaterThan(m.wraps[1]!.client);
      expect(m.wraps[2]!.scroll).toBeGreaterThan(m.wraps[2]!.client);
      await context.close();
    }
  });
});
