import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { parseArgs, stringOption, UsageError } from '../args';
import { outputOption } from '../output-path';
import { loadReportFile, LoadError } from '../../services/import/load-report';
import { countBySeverity, runChecks } from '../../../shared/checks/engine';
import {
  exportReportToFolder,
  plannedName,
  renderExport,
  type FolderExportFormat,
} from '../../services/export/export-folder';
import { PdfPrintError } from '../../services/export/pdf-printer';
import { ChromiumPdfPrinter } from '../../services/export/chromium-printer';
import { writeErrorMessage, writeNewFile } from '../../services/export/write-new-file';
import type { PageNumberPlacement } from '../../../shared/export/gbt9704';

const USAGE = `用法：nianbao export <年报文件> [--docx 输出.docx] [--html 输出.html] [--pdf 输出.pdf] [--fragment 输出.html]
                      [--dir 文件夹] [--page-numbers outside|center]

把年报导出为送审用的 .docx（GB/T 9704 版式，三张统计表按官方格式合并单元格）、
网站用的 HTML（完整网页）和 PDF；--fragment 另存“复制到网站”用的 HTML 片段。

  不指定任何输出时，在年报文件所在文件夹（或 --dir 指定的文件夹）写出 .docx、.html、.pdf 三个文件，
  文件名由机关名称和年度组成，例如“云溪县市场监督管理局2024年政府信息公开工作年度报告.docx”；
  同名文件已存在时不覆盖，新文件加编号“(2)”。
  用 --docx/--html/--pdf/--fragment 指定的文件如已存在，会被替换（并提示）。

  --page-numbers   页码位置：outside（默认，单页居右、双页居左）或 center（居中）
  PDF 由本机的 Chromium / Google Chrome / Microsoft Edge 生成（可用环境变量 NIANBAO_CHROMIUM 指定）。

退出码：0 成功；2 无法读取年报、用法错误或有文件未能写出。
年报仍有未解决的错误时照常导出，并在标准错误输出中提示。`;

const VALUE_OPTIONS = ['docx', 'html', 'pdf', 'fragment', 'dir', 'page-numbers'] as const;

const OUTPUTS: { option: string; format: FolderExportFormat }[] = [
  { option: 'docx', format: 'docx' },
  { option: 'html', format: 'html' },
  { option: 'pdf', format: 'pdf' },
  { option: 'fragment', format: 'fragment' },
];

export const command: CliCommand = {
  name: 'export',
  usage: USAGE,
  valueOptions: VALUE_OPTIONS,
  async run(argv, io) {
    const args = parseArgs(argv, VALUE_OPTIONS);
    if (args.positionals.length !== 1)
      throw new UsageError(args.positionals.length ? '只能指定一个年报文件。' : '请指定要导出的年报文件。');
    for (const [name, value] of Object.entries(args.options)) {
      if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`不认识的选项 --${name}。`);
      if (value === true) throw new UsageError(`选项 --${name} 需要一个值。`);
    }
    const placementText = stringOption(args, 'page-numbers');
    if (placementText && placementText !== 'outside' && placementText !== 'center') {
      throw new UsageError(`--page-numbers 只能是 outside 或 center，不是“${placementText}”。`);
    }
    const pageNumbers = placementText as PageNumberPlacement | undefined;

    const input = resolve(io.cwd, args.positionals[0]!);
    let report;
    try {
      const loaded = await loadReportFile(input);
      report = loaded.report;
      if (loaded.origin === 'file') for (const w of loaded.warnings) io.stderr(`读取时已处理 ${w}\n`);
    } catch (e) {
      io.stderr(
        `${e instanceof LoadError ? e.message : `无法读取年报：${e instanceof Error ? e.message : String(e)}`}\n`,
      );
      return 2;
    }

    const errors = countBySeverity(runChecks(report, { mode: 'editor' })).error;
    if (errors > 0) {
      io.stderr(`注意：这份年报还有 ${errors} 个错误未解决（用 nianbao check 查看），仍照常导出。\n`);
    }

    const explicit = OUTPUTS.map((o) => ({ ...o, path: outputOption(args, o.option) })).filter(
      (o): o is typeof o & { path: string } => Boolean(o.path),
    );
    // A printer is made only when a PDF is wanted, and once.
    let printer: ChromiumPdfPrinter | undefined;
    const getPrinter = () => (printer ??= new ChromiumPdfPrinter());
    let failed = 0;

    if (explicit.length === 0) {
      const dir = resolve(io.cwd, outputOption(args, 'dir') ?? dirname(input));
      let pdfPrinter;
      try {
        pdfPrinter = getPrinter();
      } catch (e) {
        pdfPrinter = undefined;
        io.stderr(`PDF 未导出：${e instanceof Error ? e.message : String(e)}\n`);
        failed++;
      }
      const result = await exportReportToFolder(report, dir, {
        formats: pdfPrinter ? ['docx', 'html', 'pdf'] : ['docx', 'html'],
        ...(pdfPrinter ? { printer: pdfPrinter } : {}),
        ...(pageNumbers ? { pageNumbers } : {}),
      });
      for (const f of result.files) {
        io.stdout(
          `已导出 ${f.format.toUpperCase()}：${f.path}${f.renamed ? `（“${plannedName(report, f.format)}”已存在，未覆盖）` : ''}\n`,
        );
      }
      for (const f of result.failures) io.stderr(`${f.format.toUpperCase()} 未导出：${f.message}\n`);
      return failed + result.failures.length > 0 ? 2 : 0;
    }

    for (const out of explicit) {
      const target = resolve(io.cwd, out.path);
      let data: Uint8Array | string;
      try {
        data = await renderExport(report, out.format, { printer: getPrinter, ...(pageNumbers ? { pageNumbers } : {}) });
      } catch (e) {
        io.stderr(
          `${out.format.toUpperCase()} 未导出：${e instanceof PdfPrintError ? e.message : e instanceof Error ? e.message : String(e)}\n`,
        );
        failed++;
        continue;
      }
      try {
        await mkdir(dirname(target), { recursive: true });
        const written = await writeNewFile(target, data, 'replace');
        io.stdout(
          `已导出 ${out.format === 'fragment' ? '网站片段' : out.format.toUpperCase()}：${written.path}${written.replaced ? '（已替换原有文件）' : ''}\n`,
        );
      } catch (e) {
        io.stderr(`${out.format.toUpperCase()} 未导出：${writeErrorMessage(e, target)}\n`);
        failed++;
      }
    }
    return failed > 0 ? 2 : 0;
  },
};
