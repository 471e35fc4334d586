import { memo, useCallback, useMemo, useRef } from 'react';
import { Button, Checkbox, Space, Tag } from 'antd';
import type { ParagraphDifference } from '../../../shared/import/exported-docx/differences';
import { formatCell } from '../../../shared/model/format';
import { diffSides, type DiffPart } from './text-diff';

/**
 * The edits made in Word/WPS to a .docx this app exported (during sign-off), paragraph by
 * paragraph and cell by cell: the app's text against the document's, what changed marked, each
 * with 采用修改 (taken by default: the document as the leader saw it wins).
 */

const KIND: Record<ParagraphDifference['kind'], { label: string; color: string }> = {
  changed: { label: '修改', color: 'blue' },
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'volcano' },
};

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.type === 'del' ? (
          <del key={i} className="diff-del">
            {p.text}
          </del>
        ) : p.type === 'ins' ? (
          <ins key={i} className="diff-ins">
            {p.text}
          </ins>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

const cellText = (v: number | null | undefined) => (v === null || v === undefined ? '（空白）' : formatCell(v));

const DifferenceItem = memo(function DifferenceItem({
  d,
  taken,
  onToggle,
}: {
  d: ParagraphDifference;
  taken: boolean;
  onToggle(id: string, on: boolean): void;
}) {
  const sides = useMemo(
    () => (d.kind === 'changed' && d.location.where !== 'cell' ? diffSides(d.embedded ?? '', d.visible ?? '') : null),
    [d],
  );
  const isCell = d.location.where === 'cell';
  return (
    <li className={`diff-item${taken && d.applicable ? ' taken' : ''}`}>
      <div className="diff-head">
        <Checkbox
          checked={taken && d.applicable}
          disabled={!d.applicable}
          onChange={(e) => onToggle(d.id, e.target.checked)}
          aria-label={`采用修改：${d.label}`}
        >
          采用修改
        </Checkbox>
        <Tag color={KIND[d.kind].color} variant="outlined">
          {KIND[d.kind].label}
        </Tag>
        <span className="diff-label">{d.label}</span>
      </div>
      {isCell ? (
        <p className="diff-cell">
          程序中 <span className="diff-value">{cellText(d.embeddedValue)}</span> → 文档中{' '}
          <span className="diff-value changed">
            {d.visibleValue === undefined && d.visible ? d.visible : cellText(d.visibleValue)}
          </span>
        </p>
      ) : sides ? (
        <dl className="diff-text">
          <dt>程序中</dt>
          <dd>
            <Parts parts={sides.before} />
          </dd>
          <dt>文档中</dt>
          <dd>
            <Parts parts={sides.after} />
          </dd>
        </dl>
      ) : d.kind === 'added' ? (
        <dl className="diff-text">
          <dt>文档中新增</dt>
          <dd>
            <ins className="diff-ins">{d.visible}</ins>
          </dd>
        </dl>
      ) : (
        <dl className="diff-text">
          <dt>文档中删除了</dt>
          <dd>
            <del className="diff-del">{d.embedded}</del>
          </dd>
        </dl>
      )}
      {d.note ? <p className="muted small diff-note">{d.note}</p> : null}
    </li>
  );
});

export function DifferencesList({
  differences,
  accepted,
  onChange,
}: {
  differences: ParagraphDifference[];
  accepted: ReadonlySet<string>;
  onChange(next: Set<string>): void;
}) {
  const applicable = differences.filter((d) => d.applicable);
  const takenCount = applicable.filter((d) => accepted.has(d.id)).length;
  // Stable, so that ticking one item re-renders only that item.
  const latest = useRef({ accepted, onChange });
  latest.current = { accepted, onChange };
  const toggle = useCallback((id: string, on: boolean) => {
    const next = new Set(latest.current.accepted);
    if (on) next.add(id);
    else next.delete(id);
    latest.current.onChange(next);
  }, []);
  return (
    <section className="diff-list" aria-labelledby="diff-title">
      <div className="diff-toolbar">
        <div>
          <h3 id="diff-title" className="diff-title">
            在 Word / WPS 中改动了 {differences.length} 处
          </h3>
          <p className="muted small diff-lead">
            这份 Word
            文档由本程序导出，之后被修改过（例如审签时）。勾选“采用修改”的地方按文档中的内容保存；不勾选则保留程序中原来的内容。
            <span className="diff-legend">
              <del className="diff-del">删去的字</del> <ins className="diff-ins">新加的字</ins>
            </span>
          </p>
        </div>
        <Space size={6} className="diff-actions">
          <span className="muted small" aria-live="polite">
            已采用 {takenCount} / {applicable.length} 处
          </span>
          <Button size="small" onClick={() => onChange(new Set(applicable.map((d) => d.id)))}>
            全部采用
          </Button>
          <Button size="small" onClick={() => onChange(new Set())}>
            全部不采用
          </Button>
        </Space>
      </div>
      <ol className="diff-items">
        {differences.map((d) => (
          <DifferenceItem key={d.id} d={d} taken={accepted.has(d.id)} onToggle={toggle} />
        ))}
      </ol>
    </section>
  );
}
