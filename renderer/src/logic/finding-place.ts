import { templateFor } from '../../../templates/index';
import type { TemplateDef } from '../../../templates/types';
import type { Finding } from '../../../shared/checks/types';

/**
 * Where a finding is, in the words of the report (“表三 三（六）3.其他 · 自然人”, “三、依申请公开 ·
 * 第 2 段”) — never a cell key such as `t3.other.natural`, which means nothing to a clerk. Used by
 * the editor's findings panel and the import preview.
 */

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

const SECTION_SHORT: Record<string, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开',
  requests: '三、依申请公开',
  review: '四、复议诉讼',
  problems: '五、问题及改进',
  other: '六、其他事项',
};

const OTHER_TEMPLATES: TemplateDef[] = [templateFor('gov-2021'), templateFor('gov-2019')];

/** The human name of a table cell; `template` is the report's (null for the format before 2019). */
export function cellPlace(key: string, template: TemplateDef | null): string {
  const [table = '', row = '', col = ''] = key.split('.');
  const tableName = TABLE_NAMES[table];
  if (!tableName) return '统计表中的一格';
  const field = template?.fields[key] ?? OTHER_TEMPLATES.map((t) => t.fields[key]).find(Boolean);
  if (field) return `${tableName} ${field.label}`;
  // A row some reports print in place of official rows (the single （六）其他处理 of 2019).
  for (const t of template ? [template, ...OTHER_TEMPLATES] : OTHER_TEMPLATES) {
    const legacy = t.legacyRows.find((l) => l.row === row);
    if (!legacy) continue;
    const column = t.t3Columns.find((c) => c.key === col)?.label;
    return `${tableName} ${legacy.label}${column ? ` · ${column}` : ''}`;
  }
  return `${tableName}中的一格`;
}

export function locationOf(f: Finding, template: TemplateDef | null): string {
  const key = f.cells?.[0];
  const cell = key ? cellPlace(key, template) : '';
  const span = f.span;
  if (span) {
    const where =
      span.where === 'section'
        ? `${SECTION_SHORT[span.section] ?? '正文'} · 第 ${span.block + 1} 段`
        : span.where === 'title'
          ? '标题'
          : span.where === 'preamble'
            ? '开头段落'
            : '落款';
    return cell ? `${where}（对照 ${cell}）` : where;
  }
  return cell;
}
