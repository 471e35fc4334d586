import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command';
import { parseArgs, stringOption, UsageError } from '../args';
import { outputOption } from '../output-path';
import { expandInputs, runBatch, type BatchItem } from '../../services/import/batch';
import { summaryCsv, summaryHtml } from '../../services/import/summary';
import { hasOpenErrors } from '../../../shared/checks/index';
import { notReportOf } from '../../../shared/import/index';
import { setV8Flags } from '../../services/code-cache';

const USAGE = `nianbao batch <文件或文件夹>... [--html <汇总.html>] [--csv <汇总.csv>] [--jobs <n>] [--json]

批量检查很多份年报：文件夹中的年报文件（.json / .nianbao）和发布的年报（网页、Word .docx、PDF、文本）
都会被读取（含子文件夹），逐份检查；同一机关上一年度的报告也在其中时，一并做跨年度检查。

每份报告输出一行：机关、年度、格式、错误数、警告数、文件名。空白的年报模板和只有标题的提纲标为“不是年报”，不计入有错误的报告。在终端中运行时，标准错误上显示进度条。

选项：
  --html <文件>  写出汇总网页：按严重程度排序，列出每份报告的全部问题；无需联网、无脚本，可直接打开或打印
  --csv <文件>   写出汇总表（UTF-8 带 BOM，Excel、WPS 可直接打开）
  --jobs <n>     同时读取的文件数（默认 ${defaultJobs()}，最多 16）
  --json         以 JSON 输出每份报告的结果（代替逐行文字）

退出码：0 没有错误；1 有报告存在未忽略的错误；2 有文件无法读取或用法不对（其余文件照常检查）。

示例：
  nianbao batch 下载的年报/ --html 检查结果.html --csv 检查结果.csv
  nianbao batch a.pdf b.html c.docx`;

function defaultJobs(): number {
  return Math.max(2, Math.min(4, cpus().length));
}

/**
 * V8 optimises hot functions on background threads, and a batch makes it optimise and re-optimise
 * a great deal (every file is a new document; with pdf.js reading every PDF, 40–45 % of all CPU time
 * ran on V8's compiler threads). With one worker that costs little time, as it runs on an otherwise
 * idle core; once the workers fill every core it takes their time. Then a function is optimised only
 * after running about 15 times longer (V8's interrupt budget, process-wide; workers read it when
 * they start): on 500 mixed reports with two workers, 26 % less CPU, the same output
 * (docs/security.md, how `batch` keeps every core busy).
 */
export function optimiseLessWhenCoresAreFull(jobs: number, cores = cpus().length): boolean {
  if (jobs < cores) return false;
  // Noted with the flags: the workers keep code caches of their own for them (code-cache.ts).
  setV8Flags('--interrupt-budget=1000000');
  return true;
}

const FORMAT_NAMES: Record<string, string> = {
  'gov-2021': '2021年版',
  'gov-2019': '2019年版',
  'pre-2019': '2019年以前',
};

function line(item: BatchItem): string {
  const r = item.loaded?.report;
  if (!r || item.error) return `无法读取  ${item.error ?? item.file}`;
  const notReport = notReportOf(r);
  if (notReport) return `不是年报  ${item.file}：${notReport.message}`;
  const verdict = item.counts.error ? '错误' : item.counts.warning ? '警告' : '通过';
  return [
    verdict.padEnd(2, ' '),
    r.agency.name || '（未识别机关）',
    `${r.year}年度`,
    FORMAT_NAMES[r.format] ?? r.format,
    `错误 ${item.counts.error}`,
    `警告 ${item.counts.warning}`,
    item.file,
  ].join('  ');
}

function progress(io: CliIo) {
  let drawn = false;
  const width = 30;
  return {
    draw(done: number, total: number, file: string) {
      if (!io.isTTY) return;
      const filled = Math.round((done / Math.max(1, total)) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      io.stderr(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
      drawn = true;
    },
    clear() {
      if (drawn && io.isTTY) io.stderr('\r\x1b[2K');
      drawn = false;
    },
  };
}

export const command: CliCommand = {
  name: 'batch',
  usage: USAGE,
  valueOptions: ['html', 'csv', 'jobs'],
  async run(argv, io) {
    const args = parseArgs(argv, ['html', 'csv', 'jobs']);
    const unknown = Object.keys(args.options).filter((o) => !['html', 'csv', 'jobs', 'json', 'help'].includes(o));
    if (unknown.length) throw new UsageError(`不认识的选项：${unknown.map((o) => `--${o}`).join('、')}。`);
    for (const o of ['html', 'csv', 'jobs'])
      if (args.options[o] === true) throw new UsageError(`选项 --${o} 需要一个值。`);
    if (!args.positionals.length) throw new UsageError('请指定要检查的文件或文件夹。');
    // Names that cannot be written are refused before any file is read.
    for (const o of ['html', 'csv']) outputOption(args, o);
    const jobsText = stringOption(args, 'jobs');
    const jobs = jobsText === undefined ? defaultJobs() : Number(jobsText);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) throw new UsageError('--jobs 应为 1 到 16 之间的整数。');

    const { files, missing } = await expandInputs(args.positionals, io.cwd);
    for (const m of missing) io.stderr(`${m}：文件或文件夹不存在，已跳过。\n`);
    if (!files.length) {
      io.stderr('没有找到可检查的文件（年报文件 .json/.nianbao，或 .docx、.html、.htm、.pdf、.txt）。\n');
      return 2;
    }

    optimiseLessWhenCoresAreFull(jobs);
    const bar = progress(io);
    const json = args.options.json === true;
    // Lines come out in input order, as soon as every earlier file is done.
    const items = await runBatch(files, {
      cwd: io.cwd,
      concurrency: jobs,
      onProgress: (done, total, file) => bar.draw(done, total, file),
    });
    bar.clear();

    if (json) {
      io.stdout(`${JSON.stringify(items.map(toJson), null, 2)}\n`);
    } else {
      for (const item of items) io.stdout(`${line(item)}\n`);
      const bad = items.filter((i) => i.error).length;
      const odd = items.filter((i) => !i.error && notReportOf(i.loaded?.report)).length;
      const errs = items.filter((i) => !i.error && i.counts.error).length;
      const warns = items.filter((i) => !i.error && !i.counts.error && i.counts.warning).length;
      io.stdout(
        `共 ${items.length} 份：有错误 ${errs} 份，仅有警告 ${warns} 份，未发现问题 ${items.length - bad - odd - errs - warns} 份，无法读取 ${bad} 份${odd ? `，不是年报 ${odd} 份` : ''}。\n`,
      );
    }

    let writeFailed = false;
    const at = new Date();
    for (const [opt, make] of [
      ['html', () => summaryHtml(items, { at, inputs: args.positionals })],
      ['csv', () => summaryCsv(items)],
    ] as const) {
      const out = outputOption(args, opt);
      if (!out) continue;
      try {
        await writeFile(resolve(io.cwd, out), make(), 'utf8');
        io.stderr(`汇总${opt === 'html' ? '网页' : '表格'}已写入 ${out}\n`);
      } catch (e) {
        writeFailed = true;
        io.stderr(`无法写入 ${out}（${(e as NodeJS.ErrnoException).code ?? String(e)}）。\n`);
      }
    }
    const unreadable = missing.length > 0 || items.some((i) => i.error) || writeFailed;
    const errors = items.some((i) => !i.error && hasOpenErrors(i.findings));
    return unreadable ? 2 : errors ? 1 : 0;
  },
};

function toJson(i: BatchItem) {
  const r = i.loaded?.report;
  return {
    file: i.file,
    ...(i.error ? { error: i.error } : {}),
    ...(r ? { agency: r.agency.name, year: r.year, format: r.format, title: r.title } : {}),
    ...(notReportOf(r) ? { notReport: notReportOf(r) } : {}),
    ...(i.loaded?.imported ? { kind: i.loaded.imported.kind, confidence: i.loaded.imported.confidence } : {}),
    counts: i.counts,
    importWarnings: i.loaded?.warnings ?? [],
    ...(i.withLast ? { comparedWith: i.withLast } : {}),
    findings: i.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      cells: f.cells ?? [],
      ...(f.dismissed ? { dismissed: f.dismissed } : {}),
    })),
  };
}
