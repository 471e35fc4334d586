import type { RuleId, Severity } from './types';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Each rule in a few Chinese words (for lists, filters and the help page), with its usual severity. */
export const RULE_INFO: Record<RuleId, { title: string; severity: Severity | 'error/warning' | 'error/info' }> = {
  'T3-BALANCE': { title: '表三每列勾稽关系（新收＋结转＝办理结果＋结转下年度）', severity: 'error' },
  'T3-ROW-TOTAL': { title: '表三每行总计', severity: 'error' },
  'T3-RESULT-TOTAL': { title: '表三（七）总计', severity: 'error' },
  'T4-TOTAL': { title: '表四总计', severity: 'error' },
  'CELL-INVALID': { title: '格内不是有效数字', severity: 'error' },
  'CELL-BLANK': { title: '空白格', severity: 'error/warning' },
  'T2-REGULATIONS-POWER': { title: '无规章制定权却填了规章', severity: 'warning' },
  'ALL-ZERO': { title: '表三全为0但正文说收到申请', severity: 'warning' },
  'X-CARRY': { title: '上年结转与上年报告不一致', severity: 'warning' },
  'X-IN-FORCE': { title: '现行有效件数与上年不衔接', severity: 'warning' },
  'X-REUSED-TEXT': { title: '与上年报告内容雷同', severity: 'warning' },
  'TEXT-NUMBER': { title: '正文数字与表格不一致', severity: 'warning' },
  'TEXT-CLAIM': { title: '正文表述与表格矛盾', severity: 'warning' },
  'TEXT-STALE-YEAR': { title: '正文年份不对', severity: 'warning' },
  'TEXT-FOREIGN-AGENCY': { title: '正文出现其他机关名称', severity: 'warning' },
  'SECTION-EMPTY': { title: '部分内容缺失', severity: 'error/info' },
  'OVERVIEW-TOPICS': { title: '总体情况缺少方面', severity: 'warning' },
  'FEE-STATEMENT': { title: '未说明信息处理费', severity: 'warning' },
  'FORMAT-VERSION': { title: '格式版本不符', severity: 'error/warning' },
  'CITATION-OUTDATED': { title: '引用已废止文件', severity: 'warning' },
  'PUBLISH-DEADLINE': { title: '超过发布期限', severity: 'warning' },
  TITLE: { title: '标题不规范', severity: 'warning' },
  PUNCTUATION: { title: '标点符号', severity: 'info' },
};
