// Length: one reader per optional field of the spec, in the spec's order.
import { agencyKind } from './agency-kind';
import { newId, suggestTitle } from './blank';
import { isIsoDate, parseDateText } from './dates';
import { AGENCY_KINDS, SECTION_IDS, type SectionId } from './types';

/**
 * The tolerant half of reading a report file (report-file.md, “What a reader must accept”): every
 * field the spec leaves optional is filled when it is missing, read when it comes in a common other
 * shape (a date written 2025年1月20日, paragraphs as plain strings, sections keyed by id), and set
 * aside — kept in `meta.setAside` under its JSON path, never dropped — when it cannot be used.
 * Only the required fields (checked in schema.ts) can make a file unreadable.
 *
 * Works in place on the migrated copy of the file; unknown fields are not touched.
 */

type Doc = Record<string, unknown>;

export interface ReadNote {
  path: string;
  message: string;
}

export interface OptionalResult {
  /** What was converted or set aside: shown to the clerk (the CLI prints it, the app lists it). */
  notes: ReadNote[];
  /** JSON paths of optional fields that were missing and filled with their default (not worth a word). */
  filled: string[];
}

const STATUSES = ['draft', 'review', 'approved', 'published'];
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  notes: ReadNote[] = [];
  filled: string[] = [];
  private aside: Doc | null = null;

  note(path: string, message: string) {
    this.notes.push({ path, message });
  }
  /** Keeps a value the app cannot use under its path in meta.setAside (written back on save). */
  setAside(path: string, value: unknown, what: string) {
    this.aside ??= {};
    this.aside[path] = value;
    this.note(path, `${what}无法识别，已按缺失处理；原值保存在 meta.setAside 中，不会丢失。`);
  }
  finish(meta: Doc) {
    if (!this.aside) return;
    const old = isObject(meta.setAside) ? meta.setAside : {};
    meta.setAside = { ...old, ...this.aside };
  }
}

function readAgency(r: Reader, agency: Doc) {
  const name = agency.name as string;
  if (agency.kind === undefined) {
    agency.kind = agencyKind(name);
    r.filled.push('$.agency.kind');
  } else if (typeof agency.kind !== 'string' || !AGENCY_KINDS.includes(agency.kind as never)) {
    r.setAside('$.agency.kind', agency.kind, `机关类型“${String(agency.kind)}”`);
    agency.kind = agencyKind(name);
  }
  for (const key of ['parent', 'contact']) {
    const v = agency[key];
    if (v !== undefined && typeof v !== 'string') {
      r.setAside(`$.agency.${key}`, v, key === 'parent' ? '上级机关（agency.parent）' : '联系方式（agency.contact）');
      delete agency[key];
    }
  }
}

/** A paragraph list written as strings, or one text: joined by line breaks. */
const joinLines = (v: unknown): string | null =>
  typeof v === 'string'
    ? v
    : Array.isArray(v) && v.every((x) => typeof x === 'string')
      ? (v as string[]).join('\n')
      : null;

function readTexts(r: Reader, doc: Doc) {
  const name = (doc.agency as Doc).name as string;
  if (doc.title === undefined || doc.title === null) {
    doc.title = suggestTitle(name, doc.year as number);
    r.filled.push('$.title');
  } else if (typeof doc.title !== 'string') {
    r.setAside('$.title', doc.title, '标题（title）');
    doc.title = suggestTitle(name, doc.year as number);
  }
  if (doc.preamble === null) {
    delete doc.preamble;
    r.filled.push('$.preamble');
  } else if (doc.preamble !== undefined && typeof doc.preamble !== 'string') {
    const text = joinLines(doc.preamble);
    if (text !== null) {
      doc.preamble = text;
      r.note('$.preamble', '开头段落写成了多段文字的数组，已按段合并读取。');
    } else {
      r.setAside('$.preamble', doc.preamble, '开头段落（preamble）');
      delete doc.preamble;
    }
  }
}

/** 1. / 1、 / （1） open a level-3 heading; everything else is level 2. */
const headingLevel = (text: string): 2 | 3 => (/^\s*(?:\d+[.．、]|[（(]\d+[)）])/.test(text) ? 3 : 2);

function readBlocks(r: Reader, path: string, blocks: unknown): Doc[] {
  if (blocks === undefined || blocks === null) {
    r.filled.push(path);
    return [];
  }
  if (!Array.isArray(blocks)) {
    const text = typeof blocks === 'string' ? blocks : null;
    if (text !== null) {
      r.note(path, '段落写成了一段文字，已按一个段落读取。');
      return [{ type: 'paragraph', text }];
    }
    r.setAside(path, blocks, '段落列表');
    return [];
  }
  const out: Doc[] = [];
  let converted = 0;
  blocks.forEach((b, j) => {
    const bp = `${path}[${j}]`;
    if (typeof b === 'string') {
      out.push({ type: 'paragraph', text: b }); // plain paragraphs: nothing to say
      return;
    }
    if (!isObject(b) || typeof b.text !== 'string') {
      r.setAside(bp, b, '段落');
      return;
    }
    if (b.type === undefined) {
      b.type = b.level === 2 || b.level === 3 ? 'heading' : 'paragraph';
      converted++;
    }
    if (b.type === 'heading') {
      if (b.level !== 2 && b.level !== 3) {
        if (b.level !== undefined) r.note(`${bp}.level`, `标题级别“${String(b.level)}”不是 2 或 3，已按标题文字判断。`);
        b.level = headingLevel(b.text);
      }
    } else if (b.type !== 'paragraph') {
      // A kind of block this version does not know: its words are kept as a paragraph, its type aside.
      r.setAside(`${bp}.type`, b.type, `段落类型“${String(b.type)}”`);
      b.type = 'paragraph';
    }
    out.push(b);
  });
  if (converted) r.note(path, `有 ${converted} 个段落没有写明类型（type），已按段落或标题读取。`);
  return out;
}

function readSections(r: Reader, doc: Doc) {
  const raw = doc.sections;
  const byId = new Map<SectionId, Doc>();
  if (raw === undefined || raw === null) r.filled.push('$.sections');
  else if (Array.isArray(raw)) {
    // Sections at their own place first (the usual case), then the others by their id.
    const inPlace = (s: unknown, i: number): s is Doc => isObject(s) && s.id === SECTION_IDS[i];
    raw.forEach((s, i) => inPlace(s, i) && byId.set(s.id as SectionId, s));
    raw.forEach((s, i) => {
      if (inPlace(s, i)) return;
      const p = `$.sections[${i}]`;
      if (!isObject(s)) return r.setAside(p, s, `第 ${i + 1} 部分`);
      let id = s.id as SectionId | undefined;
      if (id === undefined && raw.length <= SECTION_IDS.length && !byId.has(SECTION_IDS[i]!)) {
        id = SECTION_IDS[i]!;
        s.id = id;
        r.note(`${p}.id`, `第 ${i + 1} 部分没有写明 id，已按顺序视为“${id}”。`);
      }
      if (typeof id !== 'string' || !SECTION_IDS.includes(id)) {
        return r.setAside(p, s, `部分 id“${String(id)}”（应为 ${SECTION_IDS.join(' / ')} 之一）`);
      }
      if (byId.has(id)) return r.setAside(p, s, `重复的部分“${id}”`);
      byId.set(id, s);
    });
    const given = raw.filter(isObject).map((s) => SECTION_IDS.indexOf(s.id as SectionId));
    if (given.some((v, i) => v >= 0 && i > 0 && v < given[i - 1]!))
      r.note('$.sections', '六个部分的顺序与规定不同，已按固定顺序排列。');
  } else if (isObject(raw) && Object.keys(raw).some((k) => SECTION_IDS.includes(k as SectionId))) {
    // { overview: [...blocks], proactive: { blocks: [...] }, … }: sections keyed by id.
    for (const [k, v] of Object.entries(raw)) {
      if (!SECTION_IDS.includes(k as SectionId)) {
        r.setAside(`$.sections.${k}`, v, `部分“${k}”`);
        continue;
      }
      byId.set(k as SectionId, isObject(v) ? { ...v, id: k } : { id: k, blocks: v });
    }
    r.note('$.sections', '六个部分写成了以 id 为键的对象，已按固定顺序读取。');
  } else r.setAside('$.sections', raw, '六个部分（sections）');
  doc.sections = SECTION_IDS.map((id) => {
    const s = byId.get(id);
    if (!s) {
      if (raw !== undefined && raw !== null) r.filled.push(`$.sections.${id}`);
      return { id, blocks: [] };
    }
    const index = Array.isArray(raw) ? raw.indexOf(s) : -1;
    s.blocks = readBlocks(r, index >= 0 ? `$.sections[${index}].blocks` : `$.sections.${id}.blocks`, s.blocks);
    return s;
  });
}

/** “云溪县民政局 2025年1月20日”: a signature written as one text. */
function splitSignature(text: string): { name: string; date: string } | null {
  const m = /^(.*?)[\s,，]*([0-9０-９〇零○一二三四五六七八九十]{4}[年\-/.．][^\s]*)$/.exec(text.trim());
  if (m) {
    const date = parseDateText(m[2]!);
    if (date) return { name: m[1]!.trim(), date };
  }
  return parseDateText(text) ? null : { name: text.trim(), date: '' };
}

function readSignature(r: Reader, doc: Doc) {
  const sig = doc.signature;
  if (sig === undefined || sig === null) {
    // No 落款: a finding of the report (SECTION-EMPTY · signature), not an unreadable file.
    doc.signature = { name: '', date: '' };
    r.filled.push('$.signature');
    return;
  }
  if (typeof sig === 'string') {
    const parts = splitSignature(sig);
    if (parts) {
      doc.signature = parts;
      r.note('$.signature', '落款写成了一段文字，已拆分为署名机关和成文日期。');
    } else {
      doc.signature = { name: '', date: parseDateText(sig) ?? '' };
      r.note('$.signature', '落款只有日期，已按成文日期读取。');
    }
    return;
  }
  if (!isObject(sig)) {
    r.setAside('$.signature', sig, '落款（signature）');
    doc.signature = { name: '', date: '' };
    return;
  }
  if (sig.name === undefined || sig.name === null) {
    sig.name = '';
    r.filled.push('$.signature.name');
  } else if (typeof sig.name !== 'string') {
    r.setAside('$.signature.name', sig.name, '署名机关');
    sig.name = '';
  }
  const d = sig.date;
  if (d === undefined || d === null) {
    sig.date = '';
    r.filled.push('$.signature.date');
  } else if (typeof d !== 'string' || (d.trim() !== '' && !isIsoDate(d))) {
    const parsed = typeof d === 'string' ? parseDateText(d) : null;
    if (parsed) {
      sig.date = parsed;
      r.note('$.signature.date', `成文日期“${d}”已按 ${parsed} 读取。`);
    } else {
      r.setAside('$.signature.date', d, `成文日期“${String(d)}”`);
      sig.date = '';
    }
  } else if (d !== d.trim()) sig.date = d.trim();
}

function readMeta(r: Reader, doc: Doc, now: Date): Doc {
  let meta = doc.meta;
  if (!isObject(meta)) {
    if (meta !== undefined && meta !== null) r.setAside('$.meta', meta, '元数据（meta）');
    else r.filled.push('$.meta');
    meta = {};
    doc.meta = meta;
  }
  const m = meta as Doc;
  const stamp = now.toISOString();
  if (typeof m.id !== 'string' || m.id.trim() === '') {
    if (m.id !== undefined && m.id !== null && m.id !== '') r.setAside('$.meta.id', m.id, '编号（meta.id）');
    else r.filled.push('$.meta.id');
    m.id = newId();
  }
  if (m.status === undefined || m.status === null) {
    m.status = 'draft';
    r.filled.push('$.meta.status');
  } else if (typeof m.status !== 'string' || !STATUSES.includes(m.status)) {
    r.setAside('$.meta.status', m.status, `状态“${String(m.status)}”`);
    m.status = 'draft';
  }
  for (const key of ['updatedAt', 'createdAt']) {
    const v = m[key];
    if (typeof v === 'string' && v.trim() !== '') continue;
    if (v !== undefined && v !== null && v !== '') r.setAside(`$.meta.${key}`, v, `时间（meta.${key}）`);
    else r.filled.push(`$.meta.${key}`);
    m[key] = key === 'createdAt' && typeof m.updatedAt === 'string' ? m.updatedAt : stamp;
  }
  if (m.dismissals !== undefined) {
    if (!Array.isArray(m.dismissals)) {
      r.setAside('$.meta.dismissals', m.dismissals, '忽略记录（meta.dismissals）');
      delete m.dismissals;
    } else {
      m.dismissals = m.dismissals.filter((d, i) => {
        const ok =
          isObject(d) &&
          typeof d.rule === 'string' &&
          typeof d.fingerprint === 'string' &&
          (d.reason === undefined || typeof d.reason === 'string');
        if (!ok) r.setAside(`$.meta.dismissals[${i}]`, d, `第 ${i + 1} 条忽略记录`);
        else {
          d.reason ??= '';
          if (typeof d.at !== 'string') d.at = '';
        }
        return ok;
      });
    }
  }
  return m;
}

/** Fills and reads every optional field of a migrated report document (required fields already checked). */
export function readOptionalFields(doc: Doc, now: Date): OptionalResult {
  const r = new Reader();
  readAgency(r, doc.agency as Doc);
  readTexts(r, doc);
  readSections(r, doc);
  readSignature(r, doc);
  const meta = readMeta(r, doc, now);
  r.finish(meta);
  return { notes: r.notes, filled: r.filled };
}
