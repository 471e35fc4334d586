import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleReport } from '../../../shared/sample/sample-report';
import { dismissFinding, runChecks } from '../../../shared/checks/index';
import { makeReport, lastYearOf, withCells } from '../../fixtures/factory';
import { district2024 } from '../../fixtures/reports/district-government';
import { cli, ensureBuiltCli } from './support/built-cli';

// The real CLI as a child process: bin/nianbao.mjs and the bundle in dist/cli.
beforeAll(ensureBuiltCli);

describe('nianbao check', () => {
  let dir: string;
  const write = (name: string, value: unknown) =>
    writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-check-'));
    write('good.json', sampleReport());
    write('bad.json', withCells(sampleReport(), { 't3.res_open.natural': 10 }));
    const now = makeReport({ t3: { res_open: [4, 0, 0, 0, 0, 0], carried_over: [2, 0, 0, 0, 0, 0] } });
    write('now.json', now);
    write('last.json', withCells(lastYearOf(now), { 't3.carry_next.natural': 5, 't3.carry_next.total': 5 }));
    write('imported.json', district2024());
    const blankCell = withCells(sampleReport(), { 't3.res_open.research': null });
    write('blank-imported.json', {
      ...blankCell,
      meta: { ...blankCell.meta, source: { fileName: 'x.html', detectedFormat: 'gov-2021', warnings: [] } },
    });
    const bad = withCells(sampleReport(), { 't4.review.total': 9 });
    const error = runChecks(bad).find((f) => f.rule === 'T4-TOTAL')!;
    write('dismissed.json', dismissFinding(bad, error, '已与复议机关核实'));
    write('broken.json', '{ "kind": "nianbao.report", ');
    write('notes.txt.docx', 'not a report');
  });

  it('a consistent report: header line, no findings, exit 0', async () => {
    const res = await cli(['check', 'good.json'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('good.json：云溪县市场监督管理局 2024年度 — 未发现问题\n');
  });

  it('a report with an error: one line per finding, severity in Chinese, rule, message, cells; exit 1', async () => {
    const res = await cli(['check', 'bad.json'], dir);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^bad\.json：云溪县市场监督管理局 2024年度 — 错误 \d+，警告 \d+，提示 \d+$/);
    expect(
      lines.some((l) => /^ {2}错误 {2}T3-ROW-TOTAL {2}三（一）予以公开 · 总计应为.*\[t3\.res_open\.total, /.test(l)),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /^ {2}错误 {2}T3-RESULT-TOTAL {2}三（七）总计 · 自然人应为.*各项相加为 23，表中的总计是 22/.test(l),
      ),
    ).toBe(true);
  });

  it('--json: one array over all files with file, rule, severity, message, cells, expected, actual', async () => {
    const res = await cli(['check', 'good.json', 'bad.json', 'imported.json', '--json'], dir);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(
      out.every((f) => ['file', 'rule', 'severity', 'message', 'cells', 'expected', 'actual'].every((k) => k in f)),
    ).toBe(true);
    expect(new Set(out.map((f) => f.file))).toEqual(new Set(['bad.json', 'imported.json']));
    expect(out.find((f) => f.file === 'imported.json' && f.rule === 'TEXT-NUMBER')).toMatchObject({
      severity: 'warning',
      expected: 95,
      actual: 17,
      cells: ['t3.new_received.total'],
    });
  });

  it('--last enables the cross-year checks', async () => {
    const without = await cli(['check', 'now.json'], dir);
    expect(without.stdout).not.toContain('X-CARRY');
    const res = await cli(['check', 'now.json', '--last', 'last.json'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^ {2}警告 {2}X-CARRY {2}表三“二、上年结转”与2023年度报告/m);
  });

  it('imported reports are checked in import mode (blank cells are warnings)', async () => {
    const res = await cli(['check', 'blank-imported.json'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^ {2}警告 {2}CELL-BLANK {2}三（一）予以公开：1 个空白格（科研机构）/m);
  });

  it('a dismissed error is shown as dismissed and does not fail the check', async () => {
    const res = await cli(['check', 'dismissed.json'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('（另有 1 条已忽略）');
    expect(res.stdout).toMatch(/错误 {2}T4-TOTAL {2}（已忽略：已与复议机关核实）/);
  });

  it('unreadable files: message names the file and why, the others are still checked, exit 2 wins', async () => {
    const res = await cli(['check', 'missing.json', 'broken.json', 'bad.json', 'notes.txt.docx'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('missing.json：文件不存在');
    expect(res.stderr).toContain('broken.json：');
    expect(res.stderr).toContain('notes.txt.docx：');
    expect(res.stdout).toContain('bad.json：云溪县市场监督管理局');
    const last = await cli(['check', 'good.json', '--last', 'missing.json'], dir);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('上年报告无法读取');
    expect(last.stdout).toContain('good.json：');
  });

  it('wrong usage: exit 2 with the usage text', async () => {
    const none = await cli(['check'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请指定要检查的年报文件');
    expect(none.stderr).toContain('nianbao check <文件>');
    const unknown = await cli(['check', 'good.json', '--lats', 'x.json'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--lats');
  });
});
