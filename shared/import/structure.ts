// Length: one scanner over the reader's blocks (title, metadata, preamble, sections, signature)
// whose states depend on each other.
import type { SectionId } from '../../templates/index';
import { agencyOf, isChrome, isEndMarker, parseDate, publishDateOf } from './chrome';
import { matchHeading, SECTION_ORDER, type HeadingMatch } from './headings';
import type { SourceDoc, SrcBlock, SrcLine, SrcTable } from './source-doc';
import { matchKey } from './text-utils';

/**
 * Finds the parts of a report in a reader's output: the title, site metadata (publish date,
 * publishing agency), the preamble, the six sections with their blocks, and the signature.
 */

export interface Structure {
  title: string;
  /** Lines that made the title (dropped from the text). */
  titleLines: number;
  publishedAt?: string;
  agencyHint?: string;
  preamble: SrcLine[];
  zones: Record<SectionId, SrcBlock[]>;
  /** Printed headings per section (the first is the section heading; more for older reports). */
  headings: Partial<Record<SectionId, HeadingMatch[]>>;
  found: SectionId[];
  signature?: { name: string; date: string };
  /** Content blocks after the title, in order (for tables found outside their section). */
  body: SrcBlock[];
}

const emptyZones = (): Record<SectionId, SrcBlock[]> => ({
  overview: [],
  proactive: [],
  requests: [],
  review: [],
  problems: [],
  other: [],
});

const REPORT_WORDS = /(政府信息公开|政务公开|信息公开).*(报告|年报)|(报告|年报).*(政府信息公开|政务公开)/;
const AGENCY_END =
  /(人民政府|政府|办公厅|办公室|局|委员会|委|办|厅|部|署|中心|院|所|处|站|队|会|馆|镇|乡|街道|街道办事处|管理委员会|管委会|集团|公司|监狱|支队|大队|分局|新区|开发区|高新区|实验区|园区|市|县|区|州|旗|盟)$/;

function isTitleLike(text: string): boolean {
  return (
    text.length <= 90 &&
    REPORT_WORDS.test(text) &&
    !/[。；]/.test(text) &&
    !/^(根据|依据|按照|本报告|现将|现发布|现公布)/.test(text)
  );
}

function isMetaTable(t: SrcTable): boolean {
  const k = matchKey(
    t.rows
      .flat()
      .map((c) => c.text)
      .join(''),
  );
  return /(索引号|发布机构|生成日期|发文机关|主题分类|公开方式)/.test(k) && !/(本年新收|信息内容|行政复议)/.test(k);
}

/**
 * Websites that lost the paragraph breaks run a section heading into the previous paragraph
 * (“…日常监管。 二、主动公开政府信息情况”): split before such a heading.
 */
function splitRunTogetherHeadings(blocks: SrcBlock[]): SrcBlock[] {
  const out: SrcBlock[] = [];
  for (const b of blocks) {
    if (b.type !== 'line' || b.text.length < 12 || !/\s[一二三四五六七八九十]{1,2}\s*、/.test(b.text)) {
      out.push(b);
      continue;
    }
    const parts: string[] = [];
    const rest = b.text;
    const re = /\s+(?=[一二三四五六七八九十]{1,2}\s*、)/g;
    let m: RegExpExecArray | null;
    let from = 0;
    let tries = 0;
    while ((m = re.exec(rest)) && ++tries <= 60) {
      const tail = rest.slice(m.index + m[0].length);
      const h = matchHeading(tail);
      if (h && h.how === 'exact') {
        parts.push(rest.slice(from, m.index));
        from = m.index + m[0].length;
      }
      if (parts.length > 12) break;
    }
    parts.push(rest.slice(from));
    const kept = parts.map((p) => p.trim()).filter(Boolean);
    if (kept.length <= 1) out.push(b);
    else
      kept.forEach((text, k) =>
        out.push({
          type: 'line',
          text,
          para: 'start',
          ...(b.page ? { page: b.page } : {}),
          ...(k === 0 && b.level ? { level: b.level } : {}),
        }),
      );
  }
  return out;
}

export function structure(doc: SourceDoc): Structure {
  const blocks = doc.wrapped ? doc.blocks : splitRunTogetherHeadings(doc.blocks);
  let publishedAt = doc.hints?.publishedAt ? (parseDate(doc.hints.publishedAt) ?? undefined) : undefined;
  let agencyHint: string | undefined;
  const chrome = new Set<number>();

  blocks.forEach((b, i) => {
    if (b.type === 'line') {
      if (b.chrome || isChrome(b.text)) {
        chrome.add(i);
        publishedAt ??= publishDateOf(b.text) ?? undefined;
        agencyHint ??= agencyOf(b.text) ?? undefined;
      }
    } else if (b.type === 'table' && isMetaTable(b)) {
      chrome.add(i);
      for (const row of b.rows) {
        const text = row.map((c) => c.text).join('：');
        for (const part of text.split(/\s{2,}/)) {
          publishedAt ??= publishDateOf(part) ?? undefined;
          agencyHint ??= agencyOf(part) ?? undefined;
        }
        row.forEach((c, j) => {
          const label = c.text.replace(/[:：\s]/g, '');
          const next = row[j + 1]?.text ?? '';
          if (/^(发布日期|发布时间|生成日期|成文日期)$/.test(label)) publishedAt ??= parseDate(next) ?? undefined;
          if (/^(发布机构|发文机关|所属机构)$/.test(label) && next.trim()) agencyHint ??= next.trim();
        });
      }
    }
  });

  // Section headings: the longest run in section order, preferring headings followed by text
  // (a list of the six parts in the preamble must not be taken for the headings).
  const candidates: { i: number; h: HeadingMatch; idx: number }[] = [];
  blocks.forEach((b, i) => {
    if (b.type !== 'line' || chrome.has(i) || candidates.length > 400) return;
    const h = matchHeading(b.text);
    if (h) candidates.push({ i, h, idx: SECTION_ORDER.indexOf(h.section) });
  });
  const headingAt = new Map<number, HeadingMatch>();
  if (candidates.length) {
    const weight = candidates.map((c, k) => {
      const nextAt = candidates[k + 1]?.i ?? blocks.length;
      const gap = nextAt - c.i - 1 + (c.h.rest ? 1 : 0);
      return 1 + Math.min(gap, 5) / 5 + (c.h.how === 'exact' ? 0.5 : 0) + (c.h.ordinal === c.idx + 1 ? 0.3 : 0);
    });
    const best = weight.slice();
    const from = candidates.map(() => -1);
    for (let k = 0; k < candidates.length; k++) {
      for (let j = 0; j < k; j++) {
        const a = candidates[j]!;
        const b = candidates[k]!;
        const ok = b.idx > a.idx || (b.idx === a.idx && b.h.how === 'words');
        if (ok && best[j]! + weight[k]! > best[k]!) {
          best[k] = best[j]! + weight[k]!;
          from[k] = j;
        }
      }
    }
    let k = best.indexOf(Math.max(...best));
    while (k >= 0) {
      headingAt.set(candidates[k]!.i, candidates[k]!.h);
      k = from[k]!;
    }
  }
  const firstHeading = headingAt.size ? Math.min(...headingAt.keys()) : blocks.length;

  // Title: within the lines before the first heading.
  const { title, titleEnd, titleStart } = findTitle(blocks, chrome, firstHeading, doc.hints?.title);

  // The end of the report: a footer marker or a line of site chrome after the last section.
  let end = blocks.length;
  const lastHeading = headingAt.size ? Math.max(...headingAt.keys()) : titleEnd;
  for (let i = lastHeading + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'line' && isEndMarker(b.text)) {
      end = i;
      break;
    }
  }

  // Signature: an agency name and a date at the end of the text.
  let signature: Structure['signature'];
  const tailIdx: number[] = [];
  for (let i = end - 1; i > lastHeading && tailIdx.length < 4; i--) {
    const b = blocks[i]!;
    if (b.type !== 'line' || chrome.has(i)) continue;
    tailIdx.push(i);
  }
  const dateOnly = (t: string) => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t.replace(/\s+/g, ''));
  const cutSignature = new Set<number>();
  if (tailIdx.length) {
    const last = blocks[tailIdx[0]!] as SrcLine;
    const text = last.text.trim();
    const m = /^(.{2,40}?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/.exec(text);
    if (dateOnly(text)) {
      const date = parseDate(text);
      const prev = tailIdx[1] !== undefined ? (blocks[tailIdx[1]] as SrcLine) : null;
      const name =
        prev &&
        prev.text.length <= 40 &&
        !/[。，；：,;:]/.test(prev.text) &&
        AGENCY_END.test(prev.text.replace(/\s+/g, ''))
          ? prev.text.trim()
          : '';
      if (date) {
        signature = { name, date };
        cutSignature.add(tailIdx[0]!);
        if (name) cutSignature.add(tailIdx[1]!);
      }
    } else if (m && AGENCY_END.test(m[1]!.trim()) && !/[。，]/.test(m[1]!)) {
      const date = parseDate(m[2]!);
      if (date) {
        signature = { name: m[1]!.trim(), date };
        cutSignature.add(tailIdx[0]!);
      }
    }
  }

  // Zones.
  const zones = emptyZones();
  const headings: Structure['headings'] = {};
  const preamble: SrcLine[] = [];
  const body: SrcBlock[] = [];
  const titleKey = matchKey(title);
  let zone: SectionId | null = null;
  for (let i = Math.max(titleEnd, 0); i < end; i++) {
    if (i >= titleStart && i < titleEnd) continue;
    const b = blocks[i]!;
    if (chrome.has(i) || cutSignature.has(i)) continue;
    const h = headingAt.get(i);
    if (h) {
      zone = h.section;
      const list = (headings[zone] ??= []);
      list.push(h);
      // Headings of older reports (and a second heading in one section) are kept as sub-headings.
      if (h.how === 'words' || list.length > 1) {
        const kept: SrcLine = {
          type: 'line',
          text: (b as SrcLine).text.slice(0, (b as SrcLine).text.length - h.rest.length).trim() || h.heading,
          para: 'start',
        };
        zones[zone].push(kept);
        body.push(kept);
      }
      if (h.rest) {
        const rest: SrcLine = { ...(b as SrcLine), text: h.rest, para: 'start' };
        zones[zone].push(rest);
        body.push(rest);
      }
      continue;
    }
    // The article's own title repeated under the site's page title.
    if (!zone && b.type === 'line' && titleKey && b.text.length <= 60) {
      const k = matchKey(b.text);
      if (k && titleKey.includes(k) && k.length >= 4) continue;
    }
    body.push(b);
    if (zone) zones[zone].push(b);
    else if (b.type === 'line') preamble.push(b);
    else zones.overview.push(b); // a table before any heading: kept for the table search
  }

  return {
    title,
    titleLines: titleEnd - titleStart,
    ...(publishedAt ? { publishedAt } : {}),
    ...((agencyHint ?? doc.hints?.agency) ? { agencyHint: agencyHint ?? doc.hints?.agency } : {}),
    preamble,
    zones,
    headings,
    found: SECTION_ORDER.filter((s) => headings[s]?.length),
    ...(signature ? { signature } : {}),
    body,
  };
}

/** The report title: a line naming 政府信息公开 … 报告, joined with an agency line above or a year line below. */
function findTitle(
  blocks: SrcBlock[],
  chrome: Set<number>,
  limit: number,
  hint?: string,
): { title: string; titleStart: number; titleEnd: number } {
  const lines: { i: number; text: string; size?: number }[] = [];
  for (let i = 0; i < Math.min(limit, blocks.length) && lines.length < 80; i++) {
    const b = blocks[i]!;
    if (b.type === 'line' && !chrome.has(i))
      lines.push({ i, text: b.text.trim(), ...(b.size ? { size: b.size } : {}) });
  }
  const join = (a: string, b: string) => (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b);

  for (let k = 0; k < lines.length; k++) {
    const cur = lines[k]!;
    const next = lines[k + 1];
    const prev = lines[k - 1];
    let text = cur.text;
    let start = cur.i;
    let endIdx = cur.i + 1;
    if (!isTitleLike(text)) {
      // “和田县文旅局政府信息公开工作” + “2023年度报告” (but not a site's section name above a full title).
      if (
        next &&
        !isTitleLike(next.text) &&
        /政府信息公开|政务公开/.test(text) &&
        text.length <= 40 &&
        isTitleLike(join(text, next.text)) &&
        next.text.length <= 30
      ) {
        text = join(text, next.text);
        endIdx = next.i + 1;
      } else continue;
    }
    // “洪泽区人民政府” + “2023年政府信息公开工作年度报告”.
    const startsBare = /^(\d{4}\s*年|政府信息公开|关于)/.test(text.trim()) && !agencyBefore(text);
    if (
      startsBare &&
      prev &&
      prev.text.length <= 40 &&
      !/[。，；：:,]/.test(prev.text) &&
      AGENCY_END.test(prev.text.replace(/\s+/g, '')) &&
      prev.i === start - 1 + countChromeBetween(prev.i, start, chrome)
    ) {
      text = join(prev.text, text);
      start = prev.i;
    }
    // A PDF title set in a large font may continue on the next line.
    if (
      cur.size &&
      next?.size &&
      Math.abs(next.size - cur.size) < 0.5 &&
      next.text.length <= 30 &&
      !/[。，；]/.test(next.text) &&
      !matchHeading(next.text) &&
      next.i === endIdx &&
      /报告$/.test(next.text)
    ) {
      text = join(text, next.text);
      endIdx = next.i + 1;
    }
    return { title: cleanTitle(text), titleStart: start, titleEnd: endIdx };
  }
  if (hint && isTitleLike(hint))
    return {
      title: cleanTitle(hint.split(/[_|－-]{1,2}(?=[^_|－-]*(网|政府|门户|平台)[^_|－-]*$)/)[0] ?? hint),
      titleStart: -1,
      titleEnd: firstContent(blocks, chrome),
    };
  return { title: '', titleStart: -1, titleEnd: firstContent(blocks, chrome) };
}

/** Whether a title names its agency (text before 政府信息公开 other than a year). */
function agencyBefore(text: string): boolean {
  const cut = text.search(/政府信息公开|政务公开/);
  return cut > 0 && text.slice(0, cut).replace(/\d{4}\s*年度?|关于|\s/g, '').length >= 2;
}

function countChromeBetween(a: number, b: number, chrome: Set<number>): number {
  let n = 0;
  for (let i = a + 1; i < b; i++) if (chrome.has(i)) n++;
  return n;
}

function firstContent(blocks: SrcBlock[], chrome: Set<number>): number {
  for (let i = 0; i < blocks.length; i++) if (!chrome.has(i)) return i;
  return 0;
}

export function cleanTitle(text: string): string {
  return text
    .replace(/\s+/g, (m, off: number, s: string) =>
      /[A-Za-z0-9]/.test(s[off - 1] ?? '') && /[A-Za-z]/.test(s[off + m.length] ?? '') ? ' ' : '',
    )
    .replace(/^[《“"]+|[》”"]+$/g, '')
    .replace(/[（(](全文|附件|正文|pdf|PDF|word|Word)[)）]$/, '')
    .trim();
}
