import { useMemo, useState } from 'react';
import { Button, Segmented } from 'antd';
import { SECTIONS } from '../../../templates/index';
import type { SectionId } from '../../../templates/types';
import type { Report } from '../../../shared/model/types';
import { compareParagraphs, type ParagraphComparison, type ParagraphStatus } from '../../../shared/rollover/compare';
import { diffSides, type DiffPart } from '../import/text-diff';

/**
 * 文字对比: each part of the report, last year's paragraph beside this year's. Changed pairs mark
 * the characters that differ; paragraphs carried over unchanged are the ones to rewrite.
 */

const STATUS_TEXT: Record<ParagraphStatus, string> = {
  unchanged: '未改动',
  changed: '已修改',
  added: '新增',
  removed: '删除',
};

type Filter = 'all' | 'changed' | 'unchanged';

const sectionName = (id: SectionId | 'preamble') =>
  id === 'preamble' ? '开头段落' : (SECTIONS.find((s) => s.id === id)?.heading ?? id);

export function TextCompare(props: {
  report: Report;
  last: Report;
  onOpenBlock(section: SectionId, block: number): void;
}) {
  const { report, last } = props;
  const pairs = useMemo(() => compareParagraphs(report, last), [report, last]);
  const [filter, setFilter] = useState<Filter>('all');
  const counts = useMemo(() => {
    const c: Record<ParagraphStatus, number> = { unchanged: 0, changed: 0, added: 0, removed: 0 };
    for (const p of pairs) c[p.status]++;
    return c;
  }, [pairs]);
  const shown = pairs.filter(
    (p) => filter === 'all' || (filter === 'unchanged' ? p.status === 'unchanged' : p.status !== 'unchanged'),
  );
  const groups: { section: SectionId | 'preamble'; items: ParagraphComparison[] }[] = [];
  for (const p of shown) {
    const g = groups[groups.length - 1];
    if (g && g.section === p.section) g.items.push(p);
    else groups.push({ section: p.section, items: [p] });
  }
  const blockOf = (p: ParagraphComparison) =>
    p.section !== 'preamble' && p.block !== undefined
      ? report.sections.find((s) => s.id === p.section)?.blocks[p.block]
      : undefined;

  return (
    <div className="text-compare">
      <div className="text-compare-head">
        <p className="muted small">
          共 {pairs.length} 段：未改动 {counts.unchanged}，已修改 {counts.changed}，新增 {counts.added}，删除{' '}
          {counts.removed}。 左边是{last.year}年度，右边是{report.year}年度；<del className="diff-del">删去的字</del>和
          <ins className="diff-ins">新写的字</ins>已标出。
        </p>
        <Segmented<Filter>
          size="small"
          value={filter}
          onChange={setFilter}
          aria-label="显示哪些段落"
          options={[
            { value: 'all', label: '全部' },
            { value: 'changed', label: `有变化（${counts.changed + counts.added + counts.removed}）` },
            { value: 'unchanged', label: `未改动（${counts.unchanged}）` },
          ]}
        />
      </div>
      {groups.length === 0 ? <p className="muted compare-note">没有这样的段落。</p> : null}
      {groups.map((g, gi) => (
        <section key={`${g.section}-${gi}`} className="compare-block" aria-label={sectionName(g.section)}>
          <h3>{sectionName(g.section)}</h3>
          <ol className="para-pairs">
            {g.items.map((p, i) => {
              const block = blockOf(p);
              return (
                <li key={i} className={`para-pair status-${p.status}`}>
                  <div className="para-pair-head">
                    <span className={`pstatus ${p.status}`}>{STATUS_TEXT[p.status]}</span>
                    {p.status === 'changed' && p.similarity !== undefined ? (
                      <span className="muted small">相似度 {Math.floor(p.similarity * 100)}%</span>
                    ) : null}
                    {block?.type === 'paragraph' && block.carried ? (
                      <span className="muted small">沿用上年，待核改</span>
                    ) : null}
                    {p.section !== 'preamble' && p.block !== undefined ? (
                      <Button
                        size="small"
                        type="link"
                        className="para-open"
                        onClick={() => props.onOpenBlock(p.section as SectionId, p.block!)}
                      >
                        到编辑处修改
                      </Button>
                    ) : null}
                  </div>
                  <PairBody p={p} lastYear={last.year} year={report.year} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((x, i) =>
        x.type === 'del' ? (
          <del key={i} className="diff-del">
            {x.text}
          </del>
        ) : x.type === 'ins' ? (
          <ins key={i} className="diff-ins">
            {x.text}
          </ins>
        ) : (
          <span key={i}>{x.text}</span>
        ),
      )}
    </>
  );
}

function PairBody({ p, lastYear, year }: { p: ParagraphComparison; lastYear: number; year: number }) {
  if (p.status === 'unchanged') {
    return (
      <div className="para-one">
        <span className="sr-only">两年相同：</span>
        {p.current}
      </div>
    );
  }
  const sides = p.status === 'changed' ? diffSides(p.last ?? '', p.current ?? '') : null;
  return (
    <div className="para-sides">
      <div className="para-side last">
        <div className="para-side-label">{lastYear}年度</div>
        {p.last === undefined ? (
          <span className="muted">（上年没有这一段）</span>
        ) : sides ? (
          <Parts parts={sides.before} />
        ) : (
          p.last
        )}
      </div>
      <div className="para-side now">
        <div className="para-side-label">{year}年度</div>
        {p.current === undefined ? (
          <span className="muted">（本年已删去）</span>
        ) : sides ? (
          <Parts parts={sides.after} />
        ) : (
          p.current
        )}
      </div>
    </div>
  );
}
