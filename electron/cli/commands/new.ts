import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { parseArgs, stringOption, UsageError } from '../args';
import { outputOption } from '../output-path';
import { blankReport } from '../../../shared/model/blank';
import { AGENCY_KINDS, type AgencyKind } from '../../../shared/model/types';

const USAGE = `nianbao new --agency <机关全称> --kind <类型> --year <年度> [-o <文件>] [--force]

新建一份空白年报（按年度自动选用格式：2021年及以后用2021年版格式），输出年报文件（JSON）。

选项：
  --agency <名称>  机关全称，例如 云溪县市场监督管理局
  --kind <类型>    government（人民政府）、department（政府部门）、township（乡镇、街道）、other（其他机关）
  --year <年度>    报告年度，例如 2024
  -o, --out <文件> 写入文件；不给则输出到屏幕
  --force          文件已存在时覆盖

退出码：0 成功；2 参数有误或文件无法写入。

示例：
  nianbao new --agency 云溪县市场监督管理局 --kind department --year 2024 -o 2024年报.json`;

const KIND_ALIASES: Record<string, AgencyKind> = {
  government: 'government',
  人民政府: 'government',
  政府: 'government',
  department: 'department',
  部门: 'department',
  政府部门: 'department',
  township: 'township',
  乡镇: 'township',
  街道: 'township',
  '乡镇（街道）': 'township',
  other: 'other',
  其他: 'other',
  其他机关: 'other',
};

export const command: CliCommand = {
  name: 'new',
  usage: USAGE,
  valueOptions: ['agency', 'kind', 'year', 'out'],
  async run(argv, io) {
    const args = parseArgs(argv, ['agency', 'kind', 'year', 'out']);
    const unknown = Object.keys(args.options).filter(
      (o) => !['agency', 'kind', 'year', 'out', 'force', 'help'].includes(o),
    );
    if (unknown.length) throw new UsageError(`不认识的选项：${unknown.map((o) => `--${o}`).join('、')}。`);
    if (args.positionals.length)
      throw new UsageError(`多余的参数：${args.positionals.join(' ')}。输出文件请用 -o 指定。`);
    for (const name of ['agency', 'kind', 'year', 'out'] as const) {
      if (args.options[name] === true) throw new UsageError(`选项 --${name} 需要一个值。`);
    }

    const agency = stringOption(args, 'agency')?.trim();
    if (!agency) throw new UsageError('请用 --agency 给出机关全称，例如 --agency 云溪县市场监督管理局。');

    const kindText = stringOption(args, 'kind')?.trim();
    if (!kindText) throw new UsageError(`请用 --kind 给出机关类型：${AGENCY_KINDS.join('、')}。`);
    const kind = KIND_ALIASES[kindText];
    if (!kind)
      throw new UsageError(
        `机关类型“${kindText}”不对，应为 ${AGENCY_KINDS.join('、')} 之一（人民政府、政府部门、乡镇、其他机关）。`,
      );

    const yearText = stringOption(args, 'year')?.trim();
    if (!yearText) throw new UsageError('请用 --year 给出报告年度，例如 --year 2024。');
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100) {
      throw new UsageError(`年度“${yearText}”不对，应为 2000 至 2100 之间的四位数字，例如 2024。`);
    }
    const year = Number(yearText);

    const report = blankReport({ agency, kind, year });
    const text = `${JSON.stringify(report, null, 2)}\n`;
    const out = outputOption(args, 'out');
    if (!out) {
      io.stdout(text);
      return 0;
    }
    const path = resolve(io.cwd, out);
    try {
      await writeFile(path, text, { flag: args.options.force === true ? 'w' : 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(
        code === 'EEXIST'
          ? `${basename(path)}：文件已存在，没有覆盖。如需覆盖，请加 --force。\n`
          : code === 'ENOENT'
            ? `${out}：所在文件夹不存在，请先建立文件夹或换一个位置。\n`
            : code === 'EISDIR'
              ? `${out}：这是一个文件夹，请给出文件名，例如 ${out.replace(/[\\/]$/, '')}/年报.json。\n`
              : `${out}：无法写入（${code ?? String(e)}）。\n`,
      );
      return 2;
    }
    io.stdout(`已新建 ${out}：${agency} ${year}年度政府信息公开工作年度报告（草稿）。\n`);
    return 0;
  },
};
