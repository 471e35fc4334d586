// Length: one rule with the name grammar it needs.
import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import { spanOf, type TextBlock } from '../text/blocks';
import { slotMemo } from '../text/cache';
import type { NormalizedText } from '../text/normalize';
import { isAbbreviation, levelRank, parseAgencyName, placesClash, sameTownship, type AgencyName } from '../text/agency';

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
// Two-character words that end right before 镇政府/镇门户网站/街道信息公开 without being a place name: verbs
// and modifiers whose object is the reporting township itself (完成街道信息公开专栏调整, 调整充实镇政务公开
// 领导小组, 健全镇政府信息发布制度).
const VERB_BEFORE = new Set(
  (
    '发挥 推进 推动 加强 开展 建设 完善 利用 依托 通过 借助 登录 访问 关注 指导 督促 协助 配合 联合 会同 组织 要求 各个 全体 所属 所辖 下辖 本级 基层 上级 以及 包括 其中 我们 落实 做好 实现 设置 健全 规范 明确 强化 提升 优化 丰富 拓展 畅通 保障 监督 公开 发布 更新 维护 管理 运行 负责 承担 成立 设立 作为 纳入 列入 特色 美丽 中心 重点 建制 示范 全域 城关 片区 社区 农村 城乡 ' +
    '完成 充实 调整 召开 健全 深化 提高 改进 整合 统筹 建成 建立 打造 创建 升级 改造 配齐 配备 选派 培训 考核 检查 督查 帮助 支持 带动 进入 走进 深入 下沉 延伸 覆盖 辐射 涵盖 涉及 关于 围绕 聚焦 结合 依据 根据 按照 对照 参照 遵照 开通 开设 增设 新增 新建 扩建 修订 制定 印发 出台 公布 公示 报送 上报 汇总 统计 梳理 编制 编印 抓好 办好 用好 管好 全面 持续 不断 切实 认真 扎实 积极 主动 及时 定期 每月 每年 年度 本年 全年 今年 上年 去年 明年 特别 尤其 服务 服从 协调 加快 推行 实行 执行 贯彻 履行 压实 夯实 理顺 修改 审核 审查 审定 研究 讨论 部署 安排 印制 张贴 更换 分管 主管 牵头 具体 相关 有关 所在 当地 辖内 区域 整个 市级 县级 区级 省级 乡级 镇级 村级 两级 三级 多级'
  ).split(' '),
);
// After a township's name: words that make it a body (拱坝镇政府, 城北街道办事处) — enough alone —, or
// words that may follow a generic 镇/街道 too (镇政务公开, 街道信息公开专栏), which count only after a
// boundary a name stands after (县政府门户网站拱坝镇政务公开栏目, 舟曲县拱坝镇…, a clause start).
const TOWNSHIP_SELF_AFTER =
  /^(?:人民政府|政府|党委|党工委|党政|政务|信息公开|门户网站|网站|栏目|专栏|便民服务|为民服务|办事处|财政所|综合执法)/;
const TOWNSHIP_BODY_AFTER =
  /^(?:人民政府|政府|党委|党工委|党政办|党政综合办|办事处|便民服务中心|为民服务中心|便民服务|为民服务|财政所|综合执法)/;
/** What a township's name may stand right after: a clause start, a county or district, a website or column. */
const NAME_BOUNDARY_BEFORE = /(?:^|[，。；：、（《“]|[县区市旗]|网站|网|平台|栏目|专栏|系统)$/;

const PASSING_BEFORE =
  /(?:原|与|和|同|跟|及|向|对|赴|到|协助|配合|联合|会同|邻近|相邻|周边|毗邻|帮扶|结对|学习|借鉴|参照|参观|前往)$/;

interface ForeignMention {
  name: string;
  start: number;
  end: number;
}

/** Per normalised paragraph: its mentions (with why each counts) for the agency names of `key`. */
const blockMentions = slotMemo<NormalizedText, { key: string; list: [ForeignMention, string][] }>();

function townshipMentions(text: string, own: { short: string; unit: string }): ForeignMention[] {
  const out: ForeignMention[] = [];
  for (const m of text.matchAll(/镇|乡|街道/g)) {
    const i = m.index!;
    if (i < 2) continue;
    const name = text.slice(i - 2, i);
    if (!CJK.test(name[0]!) || !CJK.test(name[1]!) || GENERIC_BEFORE.has(name[1]!) || VERB_BEFORE.has(name)) continue;
    let start = i - 2;
    if (sameTownship(own.short, name)) {
      // The own name's last two characters: its own mention, unless a longer own name (新华路) is not what
      // stands there (中华路街道 in 新华路街道's report; 石门彝族乡 in 大坪彝族乡's).
      const long = own.short.length;
      if (long <= 2 || i < long) continue;
      const whole = text.slice(i - long, i);
      if (sameTownship(own.short, whole) || !/^[\u4e00-\u9fff]+$/.test(whole) || GENERIC_BEFORE.has(whole[0]!))
        continue;
      start = i - long;
    } else if (i >= 3 && sameTownship(own.short, text.slice(i - 3, i))) continue;
    const after = text.slice(i + m[0].length, i + m[0].length + 6);
    if (!TOWNSHIP_SELF_AFTER.test(after)) continue;
    if (!TOWNSHIP_BODY_AFTER.test(after) && !NAME_BOUNDARY_BEFORE.test(text.slice(Math.max(0, start - 2), start)))
      continue;
    // Named in passing: a merged township (原石坝乡政府), a partner (与石坝镇政府联合…).
    if (PASSING_BEFORE.test(text.slice(Math.max(0, start - 4), start))) continue;
    out.push({ name: text.slice(start, i) + m[0], start, end: i + m[0].length });
  }
  return out;
}

// A name used as the report's own subject: a whole clause before what an agency does (坚持, 认真…),
// e.g. “2024年，云溪县民政局坚持…”. Found from the verbs (few) rather than from every clause.
const SELF_VERB =
  /坚持|认真|高度重视|严格|按照|围绕|深入|进一步|持续|全面|扎实|积极|始终|紧紧|不断|切实|着力|聚焦|紧扣/g;
const SUBJECT =
  /^(?:(?:19|20)\d{2}年度?(?:以来)?)?([\u4e00-\u9fff]{2,16}?(?:人民政府|局|委员会|委|办公室|中心|厅|镇|乡|街道|街道办事处|办事处|管委会|管理委员会|工委|医院|学校|学院|大学|中学|小学))$/;
/** 。；，： (char codes: no one-character string per step of the scans back). */
const isSubjectDelim = (c: number) => c === 0x3002 || c === 0xff1b || c === 0xff0c || c === 0xff1a;
/** The last characters of SUBJECT's names: a fast test before the regex (most clauses end otherwise). */
const SUBJECT_LAST = new Set([...'府局会委室心厅镇乡道处院校学'].map((ch) => ch.charCodeAt(0)));

// A subject may stand before an adverbial clause of its own, the verb after the next comma:
// “2024年，县自然资源局在县委、县政府的领导下，认真…”, “市生态环境局以…为指导，深入…”.
const SUBJECT_ADVERBIAL =
  /^(?:(?:19|20)\d{2}年度?(?:以来)?)?([\u4e00-\u9fff]{2,16}?(?:人民政府|局|委员会|委|办公室|中心|厅|镇|乡|街道|街道办事处|办事处|管委会|管理委员会|工委))(?:在[^，。；]{1,40}?下|以[^，。；]{1,40}?为(?:指导|引领|统领|指引|主线|抓手|目标|导向))$/;

const ADVERBIAL = /^(?:在[^，。；]{1,40}?下|以[^，。；]{1,40}?为(?:指导|引领|统领|指引|主线|抓手|目标|导向))$/;

/** Subjects of the text: [name, start offset]. */
function* subjects(text: string): Iterable<[string, number]> {
  SELF_VERB.lastIndex = 0;
  for (let m = SELF_VERB.exec(text); m; m = SELF_VERB.exec(text)) {
    const at = m.index;
    let cs = at;
    while (cs > 0 && at - cs < 26 && !isSubjectDelim(text.charCodeAt(cs - 1))) cs--;
    if (cs > 0 && !isSubjectDelim(text.charCodeAt(cs - 1))) continue; // no clause start close enough
    const clause = text.slice(cs, at);
    const s = SUBJECT_LAST.has(clause.charCodeAt(clause.length - 1)) ? SUBJECT.exec(clause) : null;
    if (s) {
      yield [s[1]!, cs + clause.length - s[1]!.length];
      continue;
    }
    // The verb opens its clause: the clauses before may be the subject with its adverbials
    // (…局在县委、县政府的领导下，在市局的指导下，认真…): at most three clauses back.
    if (clause || cs < 2 || text.charCodeAt(cs - 1) !== 0xff0c) continue;
    let end = cs - 1;
    for (let k = 0; k < 3 && end > 0; k++) {
      let ps = end;
      while (ps > 0 && end - ps < 64 && !isSubjectDelim(text.charCodeAt(ps - 1))) ps--;
      if (ps > 0 && !isSubjectDelim(text.charCodeAt(ps - 1))) break;
      const part = text.slice(ps, end);
      // Both patterns need an adverbial of 在…下 or 以…为…: most clauses have neither.
      if (!part.includes('在') && !part.includes('以')) break;
      const a = SUBJECT_ADVERBIAL.exec(part);
      if (a) {
        yield [a[1]!, ps + a[0].indexOf(a[1]!)];
        break;
      }
      if (!ADVERBIAL.test(part) || text.charCodeAt(ps - 1) !== 0xff0c) break;
      end = ps - 1;
    }
  }
}

const CONTACT = /请与([\u4e00-\u9fff]{3,24}?)联系|本报告由([\u4e00-\u9fff]{3,24}?)(?:根据|依据|按照|依照|编制|负责)/g;

// Words that are not a name of one body: plural or generic (各片区管理局, 全县各部门), or the clause starts
// with a verb or preposition, so the name after it is an object, not the subject (督促…, 会同县财政局…).
// 和/与/及/或 join two names only after the end of one (民政局和财政局), not inside one (文化和旅游局, 和田县).
const NOT_ONE_NAME = /[各等的]|[局委府办会院所室心厅处队站镇乡][和与及或]/;
const GENERIC_SELF = /^(?:我|本|全|该|其|此|镇|乡)/;
const VERB_START =
  /^(?:督促|指导|要求|推动|组织|协调|联合|会同|配合|协助|通过|依托|按照|根据|依据|经|由|对|向|为|以|将|把|被|让|使|请|召开|落实|推进|加强|开展|牵头|责成|安排|结合|围绕|针对|面向|对照|参照|邀请|支持|帮助|督导|督查|检查|考核|调度|部署|召集|经过|接受|报送|提请|报请|并|同时|另外|此外|其中|目前|当前|今年|全年|同年|年内|上半年|下半年)/;
// Offices of a body (its 办公室, 政务公开领导小组, 党政办): the body itself is judged.
const INTERNAL_UNIT =
  /(?:(?:政府)?(?:信息|政务)?公开(?:工作)?(?:领导小组)?(?:办公室|办)|(?:政府)?(?:信息|政务)公开(?:工作)?领导小组|工作领导小组(?:办公室)?|领导小组(?:办公室)?|党政办公室|党政综合办公室|党政办|综合办公室|综合办|(?:院长|校长|党委|行政|院|校)办公室|院办|校办|办公室)$/;

const ACTS_ON_US =
  /(?:到|来|赴|深入|指导|帮助|督促|支持|协助|检查|督查|考核|评估|调研)(?:我|本)(?:局|委|办|院|校|中心|镇|乡|街道|单位|机关|所|站|市|县|区|旗)/;

/** How the report's agency relates to the bodies its text names. */
type Role = 'government' | 'township' | 'department' | 'institution';

function roleOf(own: AgencyName, kind: string | undefined): Role {
  if (own.level === 'township') return 'township';
  // A government, a zone's 管委会 and their likes speak for every body under them.
  if (
    kind === 'government' ||
    /^(?:人民政府|政府|行政公署|公署)$|(?:管理委员会|管委会|工作委员会|工委)$/.test(own.organ)
  )
    return 'government';
  if (kind === 'township') return 'township';
  // A public institution (医院, 学校, 中心 of kind 其他): the departments of its government are above it.
  if (kind === 'other' && INSTITUTION.test(own.organ)) return 'institution';
  return 'department';
}

const SAME_KIND_INSTITUTION = /(?:医院|卫生院|学校|学院|大学|中学|小学|幼儿园)$/;
const INSTITUTION = /(?:医院|卫生院|学校|学院|大学|中学|小学|幼儿园|中心|院|馆|所|站)$/;

const LEVEL_PREFIX = /^[省州市县区旗]/;
const prefixRank = (ch: string): number => ('省'.includes(ch) ? 3 : '州'.includes(ch) ? 2 : '市'.includes(ch) ? 1 : 0);

/**
 * Whether a name in the text (a clause's subject, or the contact line's body) belongs to another place
 * or to a body outside the reporting one (issue #12): another township in a township's report, a body
 * of another county or district, the same kind of body of another city, another department of the same
 * government in a department's report. Bodies under the reporting government (区农业农村局 in a 区's
 * report, 片区管理局 in a zone's), the reporting agency's own offices (its 领导小组办公室), its short names,
 * and the governments and bodies above it are its own business.
 */
function isForeign(candidate: string, own: AgencyName, role: Role): boolean {
  if (NOT_ONE_NAME.test(candidate) || GENERIC_SELF.test(candidate) || VERB_START.test(candidate)) return false;
  let c = candidate;
  for (let i = 0; i < 3 && INTERNAL_UNIT.test(c); i++) c = c.replace(INTERNAL_UNIT, '');
  if (!c || own.full.includes(c) || c.includes(own.full)) return false;
  const cand = parseAgencyName(c);
  const organ = cand.organ.replace(LEVEL_PREFIX, '');
  const sameOrgan = !!organ && (organ === own.organ || isAbbreviation(organ, own.organ));
  if (placesClash(cand.places, own.places, sameOrgan)) return true;
  if (cand.level === 'township') {
    if (role !== 'township' || !own.own || !cand.own) return false;
    return !sameTownship(cand.own.short, own.own.short);
  }
  if (role === 'institution') {
    // Another hospital or school (江州市第二人民医院 in the 第一人民医院's report); a 中心, 院 or 所 of
    // another name is another kind of body (市政务服务中心 in a 公积金中心's report), named in passing.
    const type = SAME_KIND_INSTITUTION.exec(own.organ)?.[0];
    return !!type && organ.endsWith(type) && organ !== own.organ && !isAbbreviation(organ, own.organ);
  }
  if (role !== 'department') return false;
  // A department's report: another department of the same government is a sibling's name.
  if (!organ || /^(?:人民政府|政府)$/.test(organ)) return false;
  const ownLowest = own.places.length ? levelRank(own.places[own.places.length - 1]!) : -1;
  const candLowest = cand.places.length
    ? levelRank(cand.places[cand.places.length - 1]!)
    : LEVEL_PREFIX.test(cand.organ)
      ? prefixRank(cand.organ[0]!)
      : ownLowest;
  if (ownLowest >= 0 && candLowest > ownLowest) return false; // a body above the agency (市民政局 for a 县 bureau)
  if (sameOrgan || own.organ.includes(organ) || organ.includes(own.organ)) return false; // itself, its branches
  // A branch named without its bureau (第一税务分局, 城关分局) is the department's own.
  if (/分局$/.test(organ) && !/[局委]/.test(organ.slice(0, -2))) return false;
  // 中心, 院, 所, 站, 队 may be the department's own subordinate units: only departments are siblings.
  return /(?:局|委员会|委|厅|署|办公室|办)$/.test(organ);
}

function* foreignAgency(ctx: CheckContext): Iterable<Finding> {
  const agency = ctx.report.agency;
  if (!agency || typeof agency.name !== 'string' || !agency.name.trim()) return;
  const own = parseAgencyName(agency.name, agency.kind);
  const role = roleOf(own, agency.kind);
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

  // What a paragraph names depends only on its text and on the agency's names: an unchanged paragraph's
  // mentions are reused while the clerk types elsewhere (the scans below are this rule's whole cost).
  const key = `${agency.name}\u0000${agency.kind ?? ''}\u0000${ctx.last?.year ?? ''}\u0000${oldNames.join('\u0000')}`;
  const blocks = ctx.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'title' || block.kind === 'signature') continue;
    const text = block.norm.text;
    if (!text) continue;
    const found = blockMentions(block.norm, () => ({ key: '', list: [] }));
    if (found.key !== key) {
      found.list = mentionsIn(text, own, role, oldNames, ctx.last?.year);
      found.key = key;
    }
    for (const [mention, why] of found.list) {
      const f = emit(block, mention, why);
      if (f) yield f;
    }
  }
}

/** The mentions of other agencies in one paragraph, in the order they are reported, with why each is one. */
function mentionsIn(
  text: string,
  own: AgencyName,
  role: Role,
  oldNames: string[],
  lastYear: number | undefined,
): [ForeignMention, string][] {
  const out: [ForeignMention, string][] = [];
  let covered = -1; // end of the last old name found: a shorter form inside it is the same mention
  for (let n = 0; n < oldNames.length; n++) {
    const name = oldNames[n]!;
    const at = text.indexOf(name);
    if (at < 0 || at < covered) continue;
    covered = at + name.length;
    out.push([{ name, start: at, end: at + name.length }, `是本机关更名前（${lastYear}年度）的名称，`]);
  }
  if (own.level === 'township' && own.own) {
    for (const m of townshipMentions(text, own.own)) out.push([m, `像是另一个乡镇（街道）在称呼自己，而`]);
  }
  const candidates: [string, number, string][] = [];
  for (const [name, start] of subjects(text)) {
    // A body that acts on the agency (…局多次到我局指导, …局积极指导我局…) is another body by its own words.
    if (ACTS_ON_US.test(text.slice(start + name.length, start + name.length + 40).split(/[。；！？]/)[0]!)) continue;
    candidates.push([name, start, '作为工作主体出现，']);
  }
  if (text.includes('请与') || text.includes('本报告由')) {
    CONTACT.lastIndex = 0;
    for (const m of text.matchAll(CONTACT)) {
      const name = (m[1] ?? m[2])!;
      candidates.push([name, m.index! + m[0].indexOf(name), '出现在联系方式或编制单位的位置，']);
    }
  }
  for (let c = 0; c < candidates.length; c++) {
    const [candidate, start, why] = candidates[c]!;
    if (isForeign(candidate, own, role)) out.push([{ name: candidate, start, end: start + candidate.length }, why]);
  }
  return out;
}

export const textAgencyRules: Rule[] = [foreignAgency];
