import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from './support/cli-io';
import { parseReportJson } from '../../../shared/model/schema';
import { makeReport } from '../../fixtures/factory';

/**
 * Report files written by hand or by another program, conforming to report-file.md but carrying
 * only what it requires: every command that reads a report file reads them (check, export, rollover,
 * batch); only a missing required field makes one unreadable (exit 2).
 */

/** A complete report as another program would write it: no meta, title, agency kind or 落款; blocks as strings. */
function foreignComplete() {
  const r = makeReport({ agency: '云溪县民政局', kind: 'department', year: 2024 });
  return {
    kind: 'nianbao.report',
    schemaVersion: 1,
    format: 'gov-2021',
    year: 2024,
    agency: { name: '云溪县民政局' },
    preamble: r.preamble,
    sections: Object.fromEntries(r.sections.map((s) => [s.id, s.blocks.map((b) => b.text)])),
    // Only the filled cells (absent keys are blank), as a sparse writer would.
    cells: Object.fromEntries(Object.entries(r.cells).filter(([, v]) => v !== null)),
    producer: { name: '某某填报系统', version: '3.2' },
  };
}

const minimal = {
  kind: 'nianbao.report',
  schemaVersion: 1,
  format: 'gov-2021',
  year: 2024,
  agency: { name: '青禾镇人民政府' },
  cells: {},
};

describe('report files with only what the spec requires', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-spec-files-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'complete.json'), JSON.stringify(foreignComplete(), null, 2));
    writeFileSync(join(dir, 'in', 'minimal.nianbao'), JSON.stringify(minimal));
    writeFileSync(join(dir, 'no-name.json'), JSON.stringify({ ...minimal, agency: {} }));
    writeFileSync(
      join(dir, 'odd-date.json'),
      JSON.stringify({ ...minimal, signature: { name: '青禾镇人民政府', date: '2025年1月20日' } }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('check: a complete file from another program passes (only the hint about its 落款), exit 0', async () => {
    const t = cliIo(dir);
    expect(await main(['check', 'in/complete.json'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^in\/complete\.json：云溪县民政局 2024年度 — 错误 0，警告 0，提示 1\n/);
    expect(t.out()).toContain('提示  SECTION-EMPTY  报告没有落款');
    expect(t.err()).toMatch(/六个部分写成了以 id 为键的对象/);
  });

  it('check: a file with only the required fields is checked — its empty parts are findings, exit 1 not 2', async () => {
    const t = cliIo(dir);
    expect(await main(['check', 'in/minimal.nianbao'], t.io)).toBe(1);
    expect(t.out()).toContain('in/minimal.nianbao：青禾镇人民政府 2024年度');
    expect(t.out()).toMatch(/错误 {2}SECTION-EMPTY {2}一、总体情况还没有内容/);
    expect(t.out()).toMatch(/错误 {2}SECTION-EMPTY {2}三、收到和处理政府信息公开申请情况的表格还没有填写/);
    expect(t.err()).toBe('');
  });

  it('check: a date written in Chinese is read (and said so); a missing required field is exit 2 naming it', async () => {
    const t = cliIo(dir);
    expect(await main(['check', 'odd-date.json', 'no-name.json'], t.io)).toBe(2);
    expect(t.err()).toContain(
      'odd-date.json：读取时已处理 $.signature.date：成文日期“2025年1月20日”已按 2025-01-20 读取。',
    );
    expect(t.err()).toMatch(/no-name\.json：不是有效的年报文件。\n\$\.agency\.name：应为文本，实际为缺失/);
    expect(t.out()).toContain('odd-date.json：青禾镇人民政府 2024年度');
  });

  it('export: .docx and .html of such a file', async () => {
    const t = cliIo(dir);
    const out = join(dir, 'export');
    expect(
      await main(['export', 'in/complete.json', '--docx', join(out, 'a.docx'), '--html', join(out, 'a.html')], t.io),
    ).toBe(0);
    expect(existsSync(join(out, 'a.docx')) && existsSync(join(out, 'a.html'))).toBe(true);
  });

  it('rollover: next year’s report from it', async () => {
    const t = cliIo(dir);
    expect(await main(['rollover', 'in/minimal.nianbao'], t.io)).toBe(0);
    const next = parseReportJson(t.out());
    expect(next.ok && next.report.year).toBe(2025);
    expect(next.ok && next.report.agency).toMatchObject({ name: '青禾镇人民政府', kind: 'township' });
  });

  it('batch: both files of the folder are read and checked', async () => {
    const t = cliIo(dir);
    expect(await main(['batch', 'in'], t.io)).toBe(1);
    expect(readdirSync(join(dir, 'in')).length).toBe(2);
    expect(t.out()).toMatch(/complete\.json/);
    expect(t.out()).toMatch(/minimal\.nianbao/);
    expect(t.out()).toContain('无法读取 0 份');
  });
});
