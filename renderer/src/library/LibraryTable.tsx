import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  ApartmentOutlined,
  CaretDownOutlined,
  CaretUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  ForwardOutlined,
  HistoryOutlined,
} from '@ant-design/icons';
import { AGENCY_KIND_LABELS, STATUS_LABELS, type ReportStatus } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { formatTime } from '../logic/format-time';
import { openReport } from './useLibrary';
import { CheckCounts, SampleTag } from './CheckCounts';
import { navigate } from '../app/router';
import { nextSort, sortReports, type ListSort, type SortKey } from './library-sort';
import { useVirtualRows } from './use-virtual-rows';
import { RowActions, RowButton, RowButtonScope, type RowButtonProps } from './RowButton';
import { useLazyTooltip } from './LazyTooltip';

const STATUS_ORDER: ReportStatus[] = ['draft', 'review', 'approved', 'published'];

export interface LibraryRowActions {
  busyId: string | null;
  onStatus(r: ReportSummary, status: ReportStatus): void;
  onRollover(r: ReportSummary): void;
  onDuplicate(r: ReportSummary): void;
  onBackups(r: ReportSummary): void;
  onDelete(r: ReportSummary): void;
}

const COLUMNS: Array<{ title: string; sort?: SortKey; width?: number }> = [
  { title: '机关', sort: 'agency' },
  { title: '年度', sort: 'year', width: 96 },
  { title: '状态', width: 132 },
  { title: '检查结果', width: 170 },
  { title: '修改时间', sort: 'updatedAt', width: 150 },
  { title: '操作', width: 374 },
];
/** 操作 with 汇总 as well (reports of a 本级政府): one button wider. */
const WIDE_ACTIONS = 440;
/**
 * The least the page draws above the list's first row (app.css, library.css): the top bar (48 px),
 * the library's top padding (20), the toolbar's buttons (32) and the column headers (46), 146 px
 * (measured 163 with borders and margins; a banner or a damaged report's alert only add to it).
 */
const LIST_TOP_AT_LEAST = 146;

/**
 * The library's list: one row per report with its status, check result, time and actions.
 * Every report is sorted and counted, but only the rows in sight (and a few around them) are
 * rendered: 2,000 rows of buttons would take seconds to draw (use-virtual-rows.ts). The markup
 * and look are those of the antd table it replaces (classes ant-table-*), without its weight.
 */
export function LibraryTable(props: LibraryRowActions & { reports: ReportSummary[]; emptyText: string }) {
  const [sort, setSort] = useState<ListSort | null>(null);
  const rows = useMemo(() => sortReports(props.reports, sort), [props.reports, sort]);
  const body = useRef<HTMLTableSectionElement>(null);
  const win = useVirtualRows(rows.length, body, LIST_TOP_AT_LEAST);
  // Fixed column widths (the rows in sight change while scrolling; the columns must not).
  const wide = useMemo(() => props.reports.some((r) => r.agencyKind === 'government'), [props.reports]);

  return (
    <RowButtonScope>
      <div className="library-table">
        <table className="lib-table">
          <colgroup>
            {COLUMNS.map((c, i) => {
              const width = i === COLUMNS.length - 1 && wide ? WIDE_ACTIONS : c.width;
              return <col key={c.title} style={width ? { width } : undefined} />;
            })}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) =>
                c.sort ? (
                  <SortHeader key={c.title} title={c.title} column={c.sort} sort={sort} onSort={setSort} />
                ) : (
                  <th key={c.title} scope="col" className="ant-table-cell">
                    {c.title}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.length === 0 ? (
              <tr className="lib-empty">
                <td colSpan={COLUMNS.length}>{props.emptyText}</td>
              </tr>
            ) : null}
            {win.before > 0 ? <Spacer height={win.before} /> : null}
            {rows.slice(win.start, win.end).map((r) => (
              <LibraryRow key={r.id} r={r} busy={props.busyId === r.id} sortedColumn={sort?.key} actions={props} />
            ))}
            {win.after > 0 ? <Spacer height={win.after} /> : null}
          </tbody>
        </table>
      </div>
    </RowButtonScope>
  );
}

/** Empty space standing in for rows not rendered (out of sight). */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="lib-spacer" aria-hidden="true">
      <td colSpan={COLUMNS.length} style={{ height }} />
    </tr>
  );
}

const SORT_TIPS = { none: '点击升序', ascend: '点击降序', descend: '取消排序' } as const;

function SortHeader(props: {
  title: string;
  column: SortKey;
  sort: ListSort | null;
  onSort(s: ListSort | null): void;
}) {
  const order = props.sort?.key === props.column ? props.sort.order : null;
  const toggle = () => props.onSort(nextSort(props.sort, props.column));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      toggle();
    }
  };
  const tip = useLazyTooltip(SORT_TIPS[order ?? 'none']);
  return (
    <th
      scope="col"
      tabIndex={0}
      aria-label={props.title}
      aria-description="可排序"
      aria-sort={order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : undefined}
      className={order ? 'ant-table-cell lib-sortable lib-sorted' : 'ant-table-cell lib-sortable'}
      onClick={toggle}
      onKeyDown={onKey}
    >
      <div className="lib-sorters" {...tip.hover}>
        <span>{props.title}</span>
        <span className="lib-sorter" aria-hidden="true">
          <CaretUpOutlined className={order === 'ascend' ? 'active' : undefined} />
          <CaretDownOutlined className={order === 'descend' ? 'active' : undefined} />
        </span>
        {tip.anchor}
      </div>
    </th>
  );
}

/** One report's row. */
function LibraryRow(props: {
  r: ReportSummary;
  busy: boolean;
  sortedColumn: SortKey | undefined;
  actions: LibraryRowActions;
}) {
  const { r, busy, actions, sortedColumn } = props;
  const sorted = (key: SortKey) => (sortedColumn === key ? 'ant-table-cell lib-sorted' : 'ant-table-cell');
  return (
    <tr className="ant-table-row" data-row-key={r.id} onDoubleClick={() => openReport(r.id)}>
      <td className={sorted('agency')}>
        <div className="lib-agency">
          <RowButton
            kind="link"
            className="lib-open-link"
            onClick={() => openReport(r.id)}
            aria-label={`打开${r.agency}${r.year}年度年报`}
            data-open-id={r.id}
          >
            {r.agency || '（未填写机关）'}
          </RowButton>
          {r.sample ? <SampleTag /> : null}
          <div className="muted small">{AGENCY_KIND_LABELS[r.agencyKind] ?? ''}</div>
        </div>
      </td>
      <td className={sorted('year')}>{`${r.year}年`}</td>
      <td className="ant-table-cell">
        {/* A native select: a column of antd Selects would slow the library's first paint. */}
        <select
          className={`status-select status-${r.status}`}
          value={r.status}
          disabled={busy}
          aria-label={`${r.agency}${r.year}年度年报的状态`}
          onChange={(e) => actions.onStatus(r, e.target.value as ReportStatus)}
        >
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      <td className="ant-table-cell">
        <CheckCounts summary={r} />
      </td>
      <td className={sorted('updatedAt')}>
        <span className="muted">{formatTime(r.updatedAt)}</span>
      </td>
      <td className="ant-table-cell">
        <RowActions>
          <RowButton kind="open" onClick={() => openReport(r.id)}>
            打开
          </RowButton>
          {r.sample ? null : (
            <TipButton
              tip={`以这份年报为基础新建${r.year + 1}年度年报`}
              kind="text"
              icon={<ForwardOutlined />}
              aria-label={`以此为基础新建下一年：${r.agency}${r.year + 1}年度`}
              onClick={() => actions.onRollover(r)}
            >
              新建下一年
            </TipButton>
          )}
          {r.agencyKind === 'government' ? (
            <TipButton
              tip="汇总各部门、乡镇（街道）的年报"
              kind="text"
              icon={<ApartmentOutlined />}
              aria-label={`汇总下级单位：${r.agency}${r.year}年度`}
              onClick={() => navigate({ screen: 'aggregate', id: r.id })}
            >
              汇总
            </TipButton>
          ) : null}
          <RowButton kind="text" icon={<CopyOutlined />} loading={busy} onClick={() => actions.onDuplicate(r)}>
            复制
          </RowButton>
          <RowButton kind="text" icon={<HistoryOutlined />} onClick={() => actions.onBackups(r)}>
            备份
          </RowButton>
          <RowButton kind="danger" icon={<DeleteOutlined />} onClick={() => actions.onDelete(r)}>
            删除
          </RowButton>
        </RowActions>
      </td>
    </tr>
  );
}

/** A row button with a tooltip, mounted on its first hover (LazyTooltip.tsx). */
function TipButton({ tip, ...props }: RowButtonProps & { tip: string }) {
  const t = useLazyTooltip(tip);
  return <RowButton {...props} {...t.hover} after={t.anchor} />;
}
