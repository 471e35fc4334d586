import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { parseArgs, UsageError } from '../args';
import { outputOption } from '../output-path';
import { loadReportFile, LoadError } from '../../services/import/load-report';

const USAGE = `nianbao import <文件> [-o <输出文件>]

把别处发布的年报（网页 .html/.htm、Word .docx、PDF、文本 .txt）读成年报文件（JSON）：
识别格式版本（2021 年版 / 2019 年版 / 2019 年以前）、年度、机关、标题、发布日期，
表格中每个单元格按原文读取（空白仍为空白，0 即 0），正文按六个部分分段。
本软件导出的 .docx 直接读回其中内嵌的年报。

不加 -o 时把年报 JSON 写到标准输出；识别时的提示（繁体转换、拆开连在一起的数字、
未找到的表格等）写到标准错误。

选项：
  -o, --out <文件>  写入年报文件（.json / .nianbao）
  --quiet           不显示识别提示

退出码：0 已导入；2 文件无法读取、不是年报或用法不对。

示例：
  nianbao import 洪泽区2023年报.pdf -o 洪泽区2023.json
  nianbao import 年报网页.html > 年报.json
  nianbao check 年报网页.html            （检查时也可以直接给这些文件）`;

export const command: CliCommand = {
  name: 'import',
  usage: USAGE,
  valueOptions: ['out'],
  async run(argv, io) {
    const args = parseArgs(argv, ['out']);
    const unknown = Object.keys(args.options).filter((o) => !['out', 'quiet', 'help'].includes(o));
    if (unknown.length) throw new UsageError(`不认识的选项：${unknown.map((o) => `--${o}`).join('、')}。`);
    if (args.options.out === true) throw new UsageError('选项 -o 需要一个输出文件名。');
    if (args.positionals.length !== 1)
      throw new UsageError(
        args.positionals.length ? '一次只能导入一个文件（检查多个文件请用 nianbao batch）。' : '请指定要导入的文件。',
      );
    const file = args.positionals[0]!;
    let loaded;
    try {
      loaded = await loadReportFile(resolve(io.cwd, file));
    } catch (e) {
      io.stderr(`${e instanceof LoadError ? e.message : `${file}：${e instanceof Error ? e.message : String(e)}`}\n`);
      return 2;
    }
    const { report, imported } = loaded;
    if (args.options.quiet !== true) {
      const src = imported;
      const conf = src
        ? Object.entries(src.confidence)
            .map(([t, c]) => `${t.replace('t', '表')} ${Math.round(c * 100)}%`)
            .join('，')
        : '';
      io.stderr(
        `${file}：${report.agency.name || '（未识别机关）'} ${report.year}年度，${FORMAT_NAMES[report.format]}${src ? `（${KIND_NAMES[src.kind]}）` : ''}${conf ? `；表格识别把握：${conf}` : ''}\n`,
      );
      for (const w of loaded.warnings) io.stderr(`  提示：${w}\n`);
      if (src?.differences?.length)
        io.stderr(
          `  提示：文档正文与内嵌的年报有 ${src.differences.length} 处不同（在 Word/WPS 中改过），输出的是文档中看到的内容。\n`,
        );
    }
    const json = `${JSON.stringify(report, null, 2)}\n`;
    const out = outputOption(args, 'out');
    if (!out) {
      io.stdout(json);
      return 0;
    }
    try {
      await writeFile(resolve(io.cwd, out), json, 'utf8');
    } catch (e) {
      io.stderr(`无法写入 ${out}（${(e as NodeJS.ErrnoException).code ?? String(e)}）。\n`);
      return 2;
    }
    if (args.options.quiet !== true) io.stderr(`已写入 ${out}\n`);
    return 0;
  },
};

export const FORMAT_NAMES: Record<string, string> = {
  'gov-2021': '2021年版格式',
  'gov-2019': '2019年版格式',
  'pre-2019': '2019年以前的报告',
};
export const KIND_NAMES: Record<string, string> = {
  'exported-docx': '本软件导出的 Word',
  docx: 'Word',
  html: '网页',
  pdf: 'PDF',
  text: '文本',
};
