import { memo } from 'react';
import { EyeOutlined, DiffOutlined } from '@ant-design/icons';
import type { PageCompleteness, PageId } from '../logic/completeness';
import { routeHash, type EditorPage } from '../app/router';

export const PAGE_TITLES: Record<PageId, string> = {
  cover: '封面与落款',
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** A small ring: empty, part-filled, or a check mark when the page is complete and error-free. */
function ProgressMark({ p }: { p: PageCompleteness }) {
  if (p.progress === 'done') {
    return (
      <svg className="pmark done" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="7.5" />
        <path d="M4.5 8.2 7 10.6 11.5 5.6" fill="none" />
      </svg>
    );
  }
  // A pie: a circle of radius 3.5 stroked 7 wide fills the disc, its dash length the share filled.
  const r = 3.5;
  const len = 2 * Math.PI * r;
  return (
    <svg className={`pmark ${p.progress}`} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle className="track" cx="8" cy="8" r="7" />
      {p.percent > 0 ? (
        <circle
          className="pie"
          cx="8"
          cy="8"
          r={r}
          strokeDasharray={`${(len * Math.max(p.percent, 6)) / 100} ${len}`}
          transform="rotate(-90 8 8)"
        />
      ) : null}
    </svg>
  );
}

function spoken(p: PageCompleteness): string {
  const parts = [p.progress === 'done' ? '已完成' : p.progress === 'empty' ? '未开始' : `已填 ${p.percent}%`];
  if (p.errors) parts.push(`${p.errors} 个错误`);
  if (p.warnings) parts.push(`${p.warnings} 个警告`);
  return parts.join('，');
}

// Made once: the list re-renders when a page's progress changes, its icons need not.
const PREVIEW_ICON = <EyeOutlined aria-hidden="true" className="pmark-icon" />;
const COMPARE_ICON = <DiffOutlined aria-hidden="true" className="pmark-icon" />;

/** One page of the list; re-rendered only when its own progress changes (a keystroke changes one). */
const NavPage = memo(function NavPage({ id, p, current }: { id: string; p: PageCompleteness; current: boolean }) {
  return (
    <li>
      <a
        href={routeHash({ screen: 'editor', id, page: p.page })}
        className={`nav-item${current ? ' current' : ''}`}
        aria-current={current ? 'page' : undefined}
        title={p.detail}
      >
        <ProgressMark p={p} />
        <span className="nav-text">
          <span className="nav-title">{PAGE_TITLES[p.page]}</span>
          <span className="nav-detail">{p.detail}</span>
        </span>
        <span className="nav-counts">
          {p.errors ? <span className="count error">{p.errors}</span> : null}
          {p.warnings ? <span className="count warning">{p.warnings}</span> : null}
        </span>
        <span className="sr-only">（{spoken(p)}）</span>
      </a>
    </li>
  );
});

export const SectionNav = memo(function SectionNav(props: {
  id: string;
  page: EditorPage;
  pages: PageCompleteness[];
  compare?: boolean;
}) {
  return (
    <nav className="section-nav" aria-label="年报各部分">
      <div className="section-nav-inner">
        <ol>
          {props.pages.map((p) => (
            <NavPage key={p.page} id={props.id} p={p} current={props.page === p.page} />
          ))}
        </ol>
        <a
          href={routeHash({ screen: 'editor', id: props.id, page: 'preview' })}
          className={`nav-item preview${props.page === 'preview' ? ' current' : ''}`}
          aria-current={props.page === 'preview' ? 'page' : undefined}
        >
          {PREVIEW_ICON}
          <span className="nav-text">
            <span className="nav-title">预览全文</span>
          </span>
        </a>
        {props.compare ? (
          <a
            href={routeHash({ screen: 'editor', id: props.id, page: 'compare' })}
            className={`nav-item nav-compare${props.page === 'compare' ? ' current' : ''}`}
            aria-current={props.page === 'compare' ? 'page' : undefined}
          >
            {COMPARE_ICON}
            <span className="nav-text">
              <span className="nav-title">对比上年</span>
              <span className="nav-detail">表格、文字、历年趋势</span>
            </span>
          </a>
        ) : null}
      </div>
    </nav>
  );
});
