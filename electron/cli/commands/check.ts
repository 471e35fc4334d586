import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { parseArgs, stringOption, UsageError } from '../args';
import { loadReportFile, LoadError } from '../../services/import/load-report';
import { runChecks, hasOpenErrors } from '../../../shared/checks/index';
import type { Report } from '../../../shared/model/types';
import { formatFinding, formatHeader, toJson, type JsonFinding } from '../format-findings';

const USAGE = `nianbao check <文件>... [--last <上年报告>] [--json]

检查一份或多份年报：表格勾稽关系、空白格、正文与表格是否一致、格式版本、发布期限等。
文件可以是年报文件（.json / .nianbao），以及导入功能支持的其他格式。

选项：
  --last <文件>  上一年度的报告，用于跨年度检查（上年结转、现行有效件数、内容雷同）
  --json         以 JSON 数组输出全部检查结果（每条含 file、rule、severity、message、cells、expected、actual）

导入的报告（带来源信息）按“导入”方式检查：空白格记为警告；其余按“编辑”方式：空白格记为错误。

退出码：0 没有错误；1 有未忽略的错误；2 有文件无法读取或用法不对（其余文件照常检查）。

示例：
  nianbao check 2024年报.json
  nianbao check 2024年报.json --last 2023年报.json
  nianbao check 报告/*.json --json > 结果.json`;

export const command: CliCommand = {
  name: 'check',
  usage: USAGE,
  valueOptions: ['last'],
  async run(argv, io) {
    const args = parseArgs(argv, ['last']);
    const unknown = Object.keys(args.options).filter((o) => !['last', 'json', 'help'].includes(o));
    if (unknown.length) throw new UsageError(`不认识的选项：${unknown.map((o) => `--${o}`).join('、')}。`);
    if (args.options.last === true) throw new UsageError('选项 --last 需要一个文件。');
    const files = args.positionals;
    if (!files.length) throw new UsageError('请指定要检查的年报文件。');
    const json = args.options.json === true;

    let unreadable = false;
    let errors = false;
    let last: Report | null = null;
    const lastPath = stringOption(args, 'last');
    if (lastPath) {
      try {
        last = (await loadReportFile(resolve(io.cwd, lastPath))).report;
      } catch (e) {
        unreadable = true;
        io.stderr(`上年报告无法读取，跨年度检查已跳过。${describe(lastPath, e)}\n`);
      }
    }

    const out: JsonFinding[] = [];
    for (const file of files) {
      let report: Report;
      try {
        const loaded = await loadReportFile(resolve(io.cwd, file));
        report = loaded.report;
        if (loaded.origin === 'file') for (const w of loaded.warnings) io.stderr(`${file}：读取时已处理 ${w}\n`);
      } catch (e) {
        unreadable = true;
        io.stderr(`${describe(file, e)}\n`);
        continue;
      }
      if (last && last.year !== report.year - 1) {
        io.stderr(`${file}：上年报告是${last.year}年度的，本报告是${report.year}年度，不相邻，跨年度检查已跳过。\n`);
      }
      const findings = runChecks(report, { last, mode: report.meta?.source ? 'import' : 'editor' });
      if (hasOpenErrors(findings)) errors = true;
      if (json) {
        for (const f of findings) out.push(toJson(file, f));
      } else {
        io.stdout(`${formatHeader(file, report, findings)}\n`);
        for (const f of findings) io.stdout(`${formatFinding(f)}\n`);
      }
    }
    if (json) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return unreadable ? 2 : errors ? 1 : 0;
  },
};

function describe(file: string, e: unknown): string {
  if (e instanceof LoadError) return e.message;
  return `${file}：读取失败（${e instanceof Error ? e.message : String(e)}）。`;
}
