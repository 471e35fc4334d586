import type { CliCommand } from '../command';

/**
 * The command table. Names and one-line summaries live here; a command's code (and everything it
 * imports: the checks, the .docx writer, the importers…) is loaded only when that command runs or
 * its usage is shown, so that `nianbao help` starts nothing heavy. A new command gets an entry here.
 */
export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  /**
   * One report in, one file out: a process of a few hundred milliseconds, over before V8's optimising
   * compiler pays for itself (runFromProcess then turns it off).
   */
  oneReport?: true;
  load(): Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'check',
    summary: '检查年报（勾稽关系、空白格、正文与表格一致、格式、期限等）',
    load: async () => (await import('./check')).command,
  },
  {
    name: 'new',
    oneReport: true,
    summary: '新建空白年报文件',
    load: async () => (await import('./new')).command,
  },
  {
    name: 'import',
    summary: '导入别处发布的年报（网页、Word、PDF、文本），输出年报文件',
    load: async () => (await import('./import')).command,
  },
  {
    name: 'export',
    oneReport: true,
    summary: '导出 .docx（送审）、HTML（网站）和 PDF',
    load: async () => (await import('./export')).command,
  },
  {
    name: 'rollover',
    oneReport: true,
    summary: '以上年报告为基础新建本年度报告',
    load: async () => (await import('./rollover')).command,
  },
  {
    name: 'batch',
    summary: '批量检查一个文件夹中的年报，输出汇总网页和表格',
    load: async () => (await import('./batch')).command,
  },
  {
    name: 'aggregate',
    summary: '汇总各部门、乡镇（街道）的年报为本级政府的全县（区、市）数字',
    load: async () => (await import('./aggregate')).command,
  },
];
