import type { RolloverOutcome } from '../../../shared/service/api';

/** The calm notice after a rollover: what was carried and what to check (the service's notes). */
export function rolloverNotice(outcome: RolloverOutcome): { title: string; lines: string[] } {
  const r = outcome.report;
  const paragraphs = r.sections.reduce(
    (n, s) => n + s.blocks.filter((b) => b.type === 'paragraph' && b.carried).length,
    0,
  );
  const lines = [
    ...(paragraphs
      ? [`沿用上年的 ${paragraphs} 段文字标有“沿用上年，待核改”，请逐段核对；年份可在段落下方一键更新。`]
      : []),
    '表三“上年结转”已按上年“结转下年度继续办理”填好，其余数字请按本年度填写。',
    ...outcome.notes,
  ];
  return { title: `已新建“${r.agency.name}”${r.year}年度年报`, lines };
}
