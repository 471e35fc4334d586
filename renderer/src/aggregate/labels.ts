import type { AggRule, AggSeverity, RosterStatus } from '../../../shared/aggregate/types';

/** How the 汇总 screen names and colours things (the CSV and workbook use the shared labels). */

export const STATUS_COLORS: Record<RosterStatus, string> = {
  submitted: 'success',
  missing: 'error',
  not_on_roster: 'warning',
  duplicate: 'default',
  wrong_year: 'error',
  no_tables: 'error',
};

export const SEVERITY_LABELS: Record<AggSeverity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLORS: Record<AggSeverity, string> = { error: 'error', warning: 'warning', info: 'processing' };

export const RULE_TITLES: Record<AggRule, string> = {
  'AGG-UNIT-ERRORS': '单位报告有错误',
  'AGG-MISSING': '未报送',
  'AGG-NOT-ON-ROSTER': '不在名单中',
  'AGG-DUPLICATE': '重复报送',
  'AGG-WRONG-YEAR': '年度不符',
  'AGG-FORMAT': '格式不同',
  'AGG-TEXT': '正文与汇总不一致',
  'AGG-CARRY': '上年结转不一致',
  'AGG-OUTLIER': '数字异常变化',
  'AGG-REGULATIONS': '规章未计入',
  'AGG-LAYOUT': '旧版表格行',
  'AGG-NO-OWN': '没有本级数字',
  'AGG-NO-UNITS': '没有单位报告',
};

export const TABLE_TITLES = {
  t2: '表二 主动公开政府信息情况',
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 行政复议、行政诉讼情况',
} as const;
