import type { SectionId, TemplateDef } from '../../../templates/types';
import type { Report } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import { computedKeys } from '../../../shared/model/totals';

/**
 * The editor's pages (the cover page — title, opening, signature — and the six sections), how far
 * each is filled in, and which findings belong to which page.
 */

export type PageId = 'cover' | SectionId;

export const PAGE_IDS: readonly PageId[] = [
  'cover',
  'overview',
  'proactive',
  'requests',
  'review',
  'problems',
  'other',
];

export type Progress = 'empty' | 'partial' | 'done';

export interface PageCompleteness {
  page: PageId;
  progress: Progress;
  /** 0–100, for the mark next to the section name. */
  percent: number;
  /** What is filled, in words: “已填 120/168 格”, “3 段文字”. */
  detail: string;
  errors: number;
  warnings: number;
  infos: number;
}

/** Rules without cells or a text span, and the page they are about. */
const RULE_PAGE: Partial<Record<string, PageId>> = {
  TITLE: 'cover',
  'PUBLISH-DEADLINE': 'cover',
  'OVERVIEW-TOPICS': 'overview',
  'FEE-STATEMENT': 'other',
  'ALL-ZERO': 'requests',
  'T2-REGULATIONS-POWER': 'proactive',
  'X-IN-FORCE': 'proactive',
  'X-CARRY': 'requests',
  'T3-BALANCE': 'requests',
  'T3-ROW-TOTAL': 'requests',
  'T3-RESULT-TOTAL': 'requests',
  'T4-TOTAL': 'review',
};

/**
 * The page a finding belongs to (where a click on it leads), or null when it concerns the whole
 * report. A finding about words (a figure in the text that disagrees with a table) leads to the
 * words: they are what the clerk reads and usually what is wrong; the cell is named in the message.
 */
export function pageOfFinding(finding: Finding, template: TemplateDef | null): PageId | null {
  const span = finding.span;
  if (span) return span.where === 'section' ? span.section : 'cover';
  const key = finding.cells?.[0];
  if (key && template) {
    const field = template.fields[key];
    const table = field ? template.tables.find((t) => t.id === field.table) : undefined;
    if (table) return table.section;
  }
  if (key) {
    if (key.startsWith('t2')) return 'proactive';
    if (key.startsWith('t3')) return 'requests';
    if (key.startsWith('t4')) return 'review';
  }
  const byRule = RULE_PAGE[finding.rule];
  if (byRule) return byRule;
  // SECTION-EMPTY and similar name the section in their message.
  if (template) {
    for (const s of template.sections)
      if (finding.message.includes(s.heading) || finding.message.includes(s.heading.slice(2))) return s.id;
  }
  return null;
}

// The cells a clerk fills in, per template and table (the computed totals left out): constant data,
// built once rather than on every keystroke.
const inputKeys = new WeakMap<TemplateDef, Map<string, readonly string[]>>();

function inputKeysOf(template: TemplateDef, table: string): readonly string[] {
  let byTable = inputKeys.get(template);
  if (!byTable) inputKeys.set(template, (byTable = new Map()));
  let keys = byTable.get(table);
  if (!keys) {
    const computed = computedKeys(template);
    keys = Object.values(template.fields)
      .filter((f) => f.table === table && !computed.has(f.key))
      .map((f) => f.key);
    byTable.set(table, keys);
  }
  return keys;
}

const hasText = (s: string | undefined) => (s ?? '').trim().length > 0;

export function computeCompleteness(
  report: Report,
  template: TemplateDef | null,
  findings: Finding[],
): PageCompleteness[] {
  const counts = new Map<PageId | null, { errors: number; warnings: number; infos: number }>();
  for (const f of findings) {
    if (f.dismissed) continue;
    const page = pageOfFinding(f, template);
    const c = counts.get(page) ?? { errors: 0, warnings: 0, infos: 0 };
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
    counts.set(page, c);
  }

  return PAGE_IDS.map((page): PageCompleteness => {
    const c = counts.get(page) ?? { errors: 0, warnings: 0, infos: 0 };
    let percent: number;
    let detail: string;
    if (page === 'cover') {
      const parts = [
        hasText(report.title),
        hasText(report.agency?.name),
        hasText(report.signature?.name),
        hasText(report.signature?.date),
      ];
      const filled = parts.filter(Boolean).length;
      percent = Math.round((filled / parts.length) * 100);
      detail = filled === parts.length ? '标题和落款已填写' : `还有 ${parts.length - filled} 项未填写`;
    } else {
      const def = template?.sections.find((s) => s.id === page);
      const section = report.sections.find((s) => s.id === page);
      const paragraphs = (section?.blocks ?? []).filter((b) => b.type === 'paragraph' && hasText(b.text)).length;
      const table = def?.table && template ? template.tables.find((t) => t.id === def.table) : undefined;
      if (table && template) {
        const keys = inputKeysOf(template, table.id);
        let filled = 0;
        for (const k of keys) if (typeof report.cells[k] === 'number') filled++;
        percent = keys.length ? Math.round((filled / keys.length) * 100) : 100;
        // Never show 100 % while a cell is still blank.
        if (filled < keys.length && percent === 100) percent = 99;
        detail = `已填 ${filled}/${keys.length} 格${paragraphs ? `，${paragraphs} 段说明` : ''}`;
      } else {
        percent = paragraphs > 0 ? 100 : 0;
        detail = paragraphs > 0 ? `${paragraphs} 段文字` : '尚未填写';
      }
    }
    const progress: Progress = percent === 0 ? 'empty' : percent === 100 && c.errors === 0 ? 'done' : 'partial';
    return { page, progress, percent, detail, ...c };
  });
}
