import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import { spanOf, type TextBlock } from '../text/blocks';
import { isAbbreviation, parseAgencyName, type AgencyName } from '../text/agency';

/**
 * TEXT-FOREIGN-AGENCY: the text names another agency where its own name belongs — the mark of a
 * report copied from another unit (a 果耶镇 report that says “拱坝镇政府信息公开栏目”), or last year's
 * name after a rename. Mentions of other agencies in passing (会同县财政局…) are fine; only names
 * used as the report's own subject, column or contact are judged.
 */

const CJK = /[\u4e00-\u9fff]/;
// Characters before 镇/乡/街道 that make a generic word (全镇, 我镇, 各乡镇, 到镇…), not a name.
const GENERIC_BEFORE = new Set(
  '全我本该各此每其乡城村集重名小大古新强邻到在赴驻入进出下上县市区省州和与及或等个两一辖属镇街对向从为把将由给于经按据至被让使的是了和跟同'.split(
    '',
  ),
);
// Two-character words that end right before 镇政府/镇门户网站 without being a place name.
const VERB_BEFORE = new Set(
  '发挥 推进 推动 加强 开展 建设 完善 利用 依托 通过 借助 登录 访问 关注 指导 督促 协助 配合 联合 会同 组织 要求 各个 全体 所属 所辖 下辖 本级 基层 上级 以及 包括 其中 我们 落实 做好 实现 设置 健全 规范 明确 强化 提升 优化 丰富 拓展 畅通 保障 监督 公开 发布 更新 维护 管理 运行 负责 承担 成立 设立 作为 纳入 列入 特色 美丽 中心 重点 建制 示范 全域 城关 片区 社区 农村 城乡'.split(
    ' ',
  ),
);
const TOWNSHIP_SELF_AFTER =
  /^(?:人民政府|政府|党委|党政|政务|信息公开|门户网站|网站|栏目|专栏|便民服务|为民服务|办事处|财政所)/;

interface ForeignMention {
  name: string;
  start: number;
  end: number;
}

function townshipMentions(text: string, own: { short: string; unit: string }): ForeignMention[] {
  const out: ForeignMention[] = [];
  for (const m of text.matchAll(/镇|乡|街道/g)) {
    const i = m.index!;
    if (i < 2) continue;
    const name = text.slice(i - 2, i);
    if (!CJK.test(name[0]!) || !CJK.test(name[1]!) || GENERIC_BEFORE.has(name[1]!) || VERB_BEFORE.has(name)) continue;
    if (own.short.endsWith(name) || name.endsWith(own.short) || (i >= 3 && text.slice(i - 3, i) === own.short))
      continue;
    if (!TOWNSHIP_SELF_AFTER.test(text.slice(i + m[0].length, i + m[0].length + 6))) continue;
    out.push({ name: name + m[0], start: i - 2, end: i + m[0].length });
  }
  return out;
}

// A name used as the report's own subject: a whole clause before what an agency does (坚持, 认真…),
// e.g. “2024年，云溪县民政局坚持…”. Found from the verbs (few) rather than from every clause.
const SELF_VERB =
  /坚持|认真|高度重视|严格|按照|围绕|深入|进一步|持续|全面|扎实|积极|始终|紧紧|不断|切实|着力|聚焦|紧扣/g;
const SUBJECT =
  /^(?:(?:19|20)\d{2}年度?(?:以来)?)?([\u4e00-\u9fff]{2,16}?(?:人民政府|局|委员会|委|办公室|中心|厅|镇|乡|街道|街道办事处))$/;
const SUBJECT_DELIMS = '。；，：';

/** Subjects of the text: [name, start offset]. */
function* subjects(text: string): Iterable<[string, number]> {
  SELF_VERB.lastIndex = 0;
  for (let m = SELF_VERB.exec(text); m; m = SELF_VERB.exec(text)) {
    const at = m.index;
    let cs = at;
    while (cs > 0 && at - cs < 26 && !SUBJECT_DELIMS.includes(text[cs - 1]!)) cs--;
    if (cs > 0 && !SUBJECT_DELIMS.includes(text[cs - 1]!)) continue; // no clause start close enough
    const clause = text.slice(cs, at);
    const s = SUBJECT.exec(clause);
    if (s) yield [s[1]!, cs + clause.length - s[1]!.length];
  }
}
const CONTACT = /请与([\u4e00-\u9fff]{3,24}?)联系|本报告由([\u4e00-\u9fff]{3,24}?)(?:根据|依据|按照|依照|编制|负责)/g;
const GENERIC_SELF = /^(?:我|本|全|各|该|其|此|镇|乡)/;
const OFFICE_TAIL = /(?:党政办公室|政务公开办公室|信息公开办公室|党政办|办公室|办)$/;

function isSelf(candidate: string, own: AgencyName): boolean {
  const c = candidate.replace(OFFICE_TAIL, '') || candidate;
  if (own.full.includes(c) || candidate.includes(own.full)) return true;
  const cand = parseAgencyName(c);
  // Places of the candidate must be the agency's own (a shorter or longer form of them is fine).
  const compatible = (p: string) => own.places.some((q) => q === p || q.startsWith(p) || p.startsWith(q));
  if (cand.places.some((p) => !compatible(p))) return false;
  const organ = cand.organ.replace(/^[县市区]/, '');
  const township = /镇|乡|街道/.test(c);
  // The place itself, or its government (县人民政府高度重视… in a township or department report).
  if (!township && (!organ || organ === '人民政府' || organ === '政府')) return true;
  if (own.level === 'township') return own.own !== null && c.includes(own.own.short + own.own.unit);
  if (township) return false;
  if (own.organ === '人民政府') return true; // a government report may tell what its departments did
  return isAbbreviation(organ, own.organ);
}

function* foreignAgency(ctx: CheckContext): Iterable<Finding> {
  const agency = ctx.report.agency;
  if (!agency || typeof agency.name !== 'string' || !agency.name.trim()) return;
  const own = parseAgencyName(agency.name, agency.kind);
  const seen = new Set<string>();
  const emit = (block: TextBlock, mention: ForeignMention, why: string): Finding | null => {
    if (seen.has(mention.name)) return null;
    seen.add(mention.name);
    return {
      rule: 'TEXT-FOREIGN-AGENCY',
      severity: 'warning',
      message: `正文中的“${mention.name}”${why}本报告是${agency.name.trim()}的年度报告，可能是从其他单位的报告复制而来。请改为本机关的名称；如确指其他单位，请忽略。`,
      span: spanOf(block, mention.start, mention.end),
      actual: mention.name,
      expected: agency.name.trim(),
      fingerprint: `name|${mention.name}`,
    };
  };

  // Last year's name after a rename.
  const lastName = ctx.last?.agency?.name?.replace(/\s+/g, '');
  const oldNames: string[] = [];
  if (lastName && lastName !== own.full && !own.full.includes(lastName) && !lastName.includes(own.full)) {
    oldNames.push(lastName);
    const old = parseAgencyName(lastName, ctx.last!.agency.kind);
    if (
      old.organ &&
      old.organ !== own.organ &&
      !isAbbreviation(old.organ, own.organ) &&
      old.organ.length >= 3 &&
      !/^(?:人民政府|政府)$/.test(old.organ)
    ) {
      oldNames.push(old.organ);
    }
    if (
      old.own &&
      own.own &&
      old.own.short + old.own.unit !== own.own.short + own.own.unit &&
      old.level === 'township'
    ) {
      oldNames.push(old.own.short + old.own.unit);
    }
  }

  const blocks = ctx.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'title' || block.kind === 'signature') continue;
    const text = block.norm.text;
    if (!text) continue;
    let covered = -1; // end of the last old name found: a shorter form inside it is the same mention
    for (let n = 0; n < oldNames.length; n++) {
      const name = oldNames[n]!;
      const at = text.indexOf(name);
      if (at < 0 || at < covered) continue;
      covered = at + name.length;
      const f = emit(
        block,
        { name, start: at, end: at + name.length },
        `是本机关更名前（${ctx.last!.year}年度）的名称，`,
      );
      if (f) yield f;
    }
    if (own.level === 'township' && own.own) {
      for (const m of townshipMentions(text, own.own)) {
        const f = emit(block, m, `像是另一个乡镇（街道）在称呼自己，而`);
        if (f) yield f;
      }
    }
    const candidates: [string, number, string][] = [];
    for (const [name, start] of subjects(text)) candidates.push([name, start, '作为工作主体出现，']);
    if (text.includes('请与') || text.includes('本报告由')) {
      CONTACT.lastIndex = 0;
      for (const m of text.matchAll(CONTACT)) {
        const name = (m[1] ?? m[2])!;
        candidates.push([name, m.index! + m[0].indexOf(name), '出现在联系方式或编制单位的位置，']);
      }
    }
    for (let c = 0; c < candidates.length; c++) {
      const [candidate, start, why] = candidates[c]!;
      if (GENERIC_SELF.test(candidate) || /[的在和与及]/.test(candidate)) continue;
      if (isSelf(candidate, own)) continue;
      const f = emit(block, { name: candidate, start, end: start + candidate.length }, why);
      if (f) yield f;
    }
  }
}

export const textAgencyRules: Rule[] = [foreignAgency];
