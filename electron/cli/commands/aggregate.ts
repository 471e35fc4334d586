import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command';
import { parseArgs, stringOption, UsageError } from '../args';
import { outputOption } from '../output-path';
import { expandInputs, runBatch, type BatchItem } from '../../services/import/batch';
import { loadReportFile, LoadError } from '../../services/import/load-report';
import { toUnit } from '../../services/aggregate/read-units';
import { buildWorkbook } from '../../services/aggregate/workbook';
import {
  AGG_TABLES,
  KEY_FIGURES,
  KEY_FIGURE_LABELS,
  ROSTER_STATUS_LABELS,
  addUnits,
  applySums,
  computeAggregate,
  NameIndex,
  placeNames,
  planApply,
  readAggregateState,
  rosterFromNames,
  unitRowsCsv,
  withAggregateState,
  type AggregateState,
  type AggTable,
} from '../../../shared/aggregate/index';
import { blankReport } from '../../../shared/model/blank';
import type { Report } from '../../../shared/model/types';

const USAGE = `用法：nianbao aggregate <文件或文件夹>... --agency <本级政府> --year <年度> [-o <汇总报告.json>] [--xlsx <汇总.xlsx>]

汇总：把各部门、乡镇（街道）的年报（年报文件 .json/.nianbao，或网页、Word .docx、PDF、文本；
文件夹含子文件夹）逐份读取、检查，按名单核对，把第二、三、四部分表格加总为本级政府的全县（区、市）数字。

选项：
  --agency <名称>      本级政府全称，例如 云溪县人民政府（给了 --report 时可省略）
  --year <年度>        汇总年度（给了 --report 时可省略）
  --report <文件>      在已有的本级政府年报上汇总（保留其正文、名单和本级设置；不给则新建一份空白报告）
  --roster <文件>      报送名单：文本或 CSV，每行一个单位名称（也可以是带名单的本级年报文件）
  --last <文件或文件夹> 上年度各单位的报告，用于核对“上年结转”和数字的异常变化
  --exclude-own <表>   不计入本级（政府办公室）数字的表，如 t3,t4 或 all（规章总是只取本级数字）
  --skip-errors        有未处理错误的单位报告不计入汇总（默认计入并列出）
  -o, --out <文件>     写出汇总后的本级年报（JSON，含名单和各单位数字，可在程序中打开、检查、导出）；
                       不给 -o 时把报告写到标准输出，单位列表写到标准错误
  --xlsx <文件>        写出 Excel 工作簿：单位报告、表二至表四按单位列出并合计、检查结果
  --csv <文件>         写出单位报告一览（UTF-8 带 BOM，Excel、WPS 可直接打开）
  --force              覆盖已存在的输出文件

退出码：0 完成且没有错误；1 有单位报告存在错误、年度不符或没有统计表；2 有文件无法读取或用法不对。

示例：
  nianbao aggregate 各单位年报/ --agency 云溪县人民政府 --year 2024 --roster 名单.txt -o 云溪县2024汇总.json --xlsx 汇总.xlsx`;

const VALUE_OPTIONS = ['agency', 'year', 'report', 'roster', 'last', 'exclude-own', 'out', 'xlsx', 'csv'];
const FLAGS = ['skip-errors', 'force', 'help'];

async function readRoster(path: string, government: Report): Promise<AggregateState['roster']> {
  if (/\.(json|nianbao)$/i.test(path)) {
    const loaded = await loadReportFile(path);
    return readAggregateState(loaded.report).state.roster;
  }
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\ufeff/, '');
  } catch (e) {
    throw new LoadError(`${path}：无法读取名单（${(e as NodeJS.ErrnoException).code ?? String(e)}）。`);
  }
  // CSV: the first column of each line.
  const names = text
    .split(/\r?\n/)
    .map((l) => l.split(',')[0]!.replace(/^"|"$/g, ''))
    .join('\n');
  return rosterFromNames(names, [], government);
}

function excludedTables(value: string | undefined): AggTable[] {
  if (!value) return [];
  if (value === 'all') return [...AGG_TABLES];
  const list = value.split(/[,，\s]+/).filter(Boolean);
  const bad = list.filter((t) => !AGG_TABLES.includes(t as AggTable));
  if (bad.length) throw new UsageError(`--exclude-own 应为 t2、t3、t4 或 all，实际为“${bad.join(',')}”。`);
  return list as AggTable[];
}

function fmt(v: number | null): string {
  return v === null ? '—' : String(v);
}

export const command: CliCommand = {
  name: 'aggregate',
  usage: USAGE,
  valueOptions: VALUE_OPTIONS,
  async run(argv, io: CliIo) {
    const args = parseArgs(argv, VALUE_OPTIONS);
    const unknown = Object.keys(args.options).filter((o) => !VALUE_OPTIONS.includes(o) && !FLAGS.includes(o));
    if (unknown.length) throw new UsageError(`不认识的选项：${unknown.map((o) => `--${o}`).join('、')}。`);
    for (const o of VALUE_OPTIONS) if (args.options[o] === true) throw new UsageError(`选项 --${o} 需要一个值。`);
    if (!args.positionals.length) throw new UsageError('请指定各单位年报所在的文件或文件夹。');
    const exclude = excludedTables(stringOption(args, 'exclude-own'));

    let government: Report;
    const reportPath = stringOption(args, 'report');
    const yearText = stringOption(args, 'year');
    const agency = stringOption(args, 'agency')?.trim();
    if (reportPath) {
      try {
        government = (await loadReportFile(resolve(io.cwd, reportPath))).report;
      } catch (e) {
        io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
      if (agency) government = { ...government, agency: { ...government.agency, name: agency } };
    } else {
      if (!agency) throw new UsageError('请用 --agency 给出本级政府的全称，例如 --agency 云溪县人民政府。');
      if (!yearText) throw new UsageError('请用 --year 给出汇总年度，例如 --year 2024。');
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2019 || year > 2100)
        throw new UsageError(`--year 应为 2019 年以后的年度，例如 2024，实际为“${yearText}”。`);
      government = blankReport({ agency, kind: 'government', year });
    }
    if (yearText && Number(yearText) !== government.year)
      throw new UsageError(`--year ${yearText} 与 --report 中报告的年度 ${government.year} 不一致。`);

    const out = outputOption(args, 'out');
    for (const o of [out, stringOption(args, 'xlsx'), stringOption(args, 'csv')]) {
      const same = o && reportPath && resolve(io.cwd, o) === resolve(io.cwd, reportPath);
      if (o && !same && existsSync(resolve(io.cwd, o)) && !args.options.force) {
        io.stderr(`${o} 已存在。如要覆盖，请加 --force。\n`);
        return 2;
      }
    }

    let state = readAggregateState(government).state;
    const rosterPath = stringOption(args, 'roster');
    if (rosterPath) {
      try {
        state = { ...state, roster: await readRoster(resolve(io.cwd, rosterPath), government) };
      } catch (e) {
        io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
    }
    for (const t of exclude) state.includeOwn[t] = false;

    const inputs = await expandInputs(args.positionals, io.cwd);
    const lastPath = stringOption(args, 'last');
    const lastInputs = lastPath ? await expandInputs([lastPath], io.cwd) : { files: [], missing: [] };
    const missing = [...inputs.missing, ...lastInputs.missing];
    for (const m of missing) io.stderr(`${m}：文件或文件夹不存在，已跳过。\n`);
    if (!inputs.files.length) {
      io.stderr('没有找到单位年报（年报文件 .json/.nianbao，或 .docx、.html、.htm、.pdf、.txt）。\n');
      return 2;
    }
    const lastSet = new Set(lastInputs.files);
    const all = [...inputs.files, ...lastInputs.files.filter((f) => !inputs.files.includes(f))];
    const items = await runBatch(all, { cwd: io.cwd, concurrency: 4 });
    const ref = { agency: government.agency.name, year: government.year, roster: state.roster };
    const places = placeNames(government.agency.name);
    const pool = new NameIndex<Report>(places);
    for (const i of items) if (lastSet.has(i.path) && i.loaded) pool.add(i.loaded.report.agency.name, i.loaded.report);
    const byFile = new Map(items.map((i) => [i.file, i]));
    const lastOf = (item: BatchItem) => {
      const r = item.loaded!.report;
      const byBatch = item.withLast ? byFile.get(item.withLast)?.loaded?.report : undefined;
      const found = pool.find(r.agency.name);
      return byBatch ?? (found.score === 2 ? found.values.find((p) => p.year === r.year - 1) : undefined) ?? null;
    };
    const unread = items.filter((i) => !lastSet.has(i.path) && !i.loaded);
    for (const i of unread) io.stderr(`无法读取  ${i.error ?? i.file}\n`);
    const units = items
      .filter((i) => !lastSet.has(i.path) && i.loaded)
      .map((i) =>
        toUnit(i.loaded!.report, { type: 'file', name: i.file, kind: i.loaded!.imported?.kind ?? 'report' }, ref, {
          last: lastOf(i),
          importWarnings: i.loaded!.warnings,
          findings: i.findings,
        }),
      );
    state = addUnits(state, units).state;
    if (args.options['skip-errors'])
      state = { ...state, units: state.units.map((u) => (u.counts.error > 0 ? { ...u, include: false } : u)) };

    let view;
    try {
      view = computeAggregate(government, state);
    } catch (e) {
      io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const plan = planApply(government, view.state, view.result);
    const summed = applySums(withAggregateState(government, view.state), view.state, view.result, plan, new Date());
    const again = computeAggregate(summed);

    // The human-readable part: on stdout when the report goes to a file, else on stderr.
    const say = out ? io.stdout : io.stderr;
    for (const [i, r] of again.rows.entries()) {
      const figures = KEY_FIGURES.map((k) => `${KEY_FIGURE_LABELS[k]} ${fmt(r.figures[k])}`).join('  ');
      say(
        `${String(i + 1).padStart(3)}  ${ROSTER_STATUS_LABELS[r.status].padEnd(4, '　')}  ${r.agency || '（未识别机关）'}${
          r.role === 'own' ? '（本级）' : ''
        }  ${r.key ? `${r.year}年度  错误 ${r.errors}  警告 ${r.warnings}  ${figures}  ${r.counted ? '' : '【未计入】'}${r.source}` : ''}\n`,
      );
    }
    for (const f of again.findings)
      say(`${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}  ${f.rule}  ${f.message}\n`);
    const c = summed.cells;
    const counted = again.rows.filter((r) => r.counted).length;
    const missingCount = again.rows.filter((r) => r.status === 'missing').length;
    say(
      `汇总：计入 ${counted} 份单位报告${state.roster.length ? `，名单 ${state.roster.length} 个单位，未提交 ${missingCount} 个` : ''}。` +
        `本年新收 ${fmt(c['t3.new_received.total'] as number)} 件，（七）总计 ${fmt(c['t3.res_total.total'] as number)} 件，` +
        `结转下年度 ${fmt(c['t3.carry_next.total'] as number)} 件，行政复议 ${fmt(c['t4.review.total'] as number)} 件。\n`,
    );

    let writeFailed = false;
    const write = async (target: string, data: string | Uint8Array, what: string) => {
      try {
        await writeFile(resolve(io.cwd, target), data);
        io.stderr(`${what}已写入 ${target}\n`);
      } catch (e) {
        writeFailed = true;
        io.stderr(`无法写入 ${target}（${(e as NodeJS.ErrnoException).code ?? String(e)}）。\n`);
      }
    };
    const json = `${JSON.stringify(summed, null, 2)}\n`;
    if (out) await write(out, json, '汇总后的本级年报');
    else io.stdout(json);
    const xlsx = stringOption(args, 'xlsx');
    if (xlsx) await write(xlsx, await buildWorkbook(summed, again), 'Excel 工作簿');
    const csv = stringOption(args, 'csv');
    if (csv) await write(csv, unitRowsCsv(again.rows), '单位报告一览');

    const errors = again.findings.some((f) => f.severity === 'error');
    return missing.length || unread.length || writeFailed ? 2 : errors ? 1 : 0;
  },
};
