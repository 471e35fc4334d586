import { List, Tag } from 'antd';
import type { AggFinding } from '../../../shared/aggregate/types';
import { RULE_TITLES, SEVERITY_COLORS, SEVERITY_LABELS } from './labels';

/** The checks across units, most serious first. */
export function FindingsList({ findings }: { findings: AggFinding[] }) {
  return (
    <List
      size="small"
      className="agg-findings"
      dataSource={findings}
      locale={{ emptyText: '没有发现问题。' }}
      pagination={findings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      renderItem={(f, i) => (
        <List.Item key={i}>
          <div className="agg-finding">
            <Tag color={SEVERITY_COLORS[f.severity]} variant="outlined">
              {SEVERITY_LABELS[f.severity]}
            </Tag>
            <span className="agg-finding-title" title={f.rule}>
              {RULE_TITLES[f.rule]}
            </span>
            <div>{f.message}</div>
          </div>
        </List.Item>
      )}
    />
  );
}
