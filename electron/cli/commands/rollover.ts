import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { parseArgs, stringOption, UsageError } from '../args';
import { outputOption } from '../output-path';
import { loadReportFile, LoadError } from '../../services/import/load-report';
import { rolloverReport, RolloverError } from '../../../shared/rollover/rollover';

const USAGE = `用法：nianbao rollover <上年报告文件> [--year <年度>] [--agency <新机关名称>] [-o <输出文件>] [--force]

以上年报告为基础新建本年度报告：沿用机关和正文（每段标记“沿用上年，待核改”），
表格清空，仅“上年结转”取上年的“结转下年度继续办理”，落款日期清空，状态为草稿。
不给 -o 时把新报告（JSON）写到标准输出。

  --year     新报告的年度，默认为上年报告年度加一
  --agency   机关更名时的新名称
  -o, --out  输出文件（.json 或 .nianbao）；已存在时需加 --force 才覆盖`;

export const command: CliCommand = {
  name: 'rollover',
  usage: USAGE,
  valueOptions: ['year', 'agency', 'out'],
  async run(argv, io) {
    const args = parseArgs(argv, this.valueOptions);
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError('请给出上年报告文件。');
    if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    const yearText = stringOption(args, 'year');
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && !Number.isInteger(year))
      throw new UsageError(`--year 应为年度数字，例如 2025，实际为“${yearText}”。`);
    const out = outputOption(args, 'out');
    if (out && existsSync(resolve(io.cwd, out)) && !args.options.force) {
      io.stderr(`${out} 已存在。如要覆盖，请加 --force。\n`);
      return 2;
    }
    let loaded;
    try {
      loaded = await loadReportFile(resolve(io.cwd, file));
    } catch (e) {
      if (e instanceof LoadError) {
        io.stderr(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
    if (loaded.origin === 'file') for (const w of loaded.warnings) io.stderr(`读取时已处理 ${w}\n`);
    let result;
    try {
      result = rolloverReport(loaded.report, { year, agency: stringOption(args, 'agency') });
    } catch (e) {
      if (e instanceof RolloverError) {
        io.stderr(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
    for (const note of result.notes) io.stderr(`提示：${note}\n`);
    const json = `${JSON.stringify(result.report, null, 2)}\n`;
    if (out) {
      await writeFile(resolve(io.cwd, out), json);
      io.stderr(`已生成 ${result.report.year} 年度报告：${out}\n`);
    } else io.stdout(json);
    return 0;
  },
};
