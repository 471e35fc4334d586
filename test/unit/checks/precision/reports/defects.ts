/**
 * Known defects (spec/checks.md, format-2021.md §6) planted into the consistent full reports of this
 * folder: each must be found by its rule — in the editor and as an imported report — and must be
 * the only new finding of that rule.
 *
 * Length: data: one entry per planted defect.
 */
import type { RuleId } from '../../../../../shared/checks/types';
import type { Cells, Report } from '../../../../../shared/model/types';
import type { SectionId } from '../../../../../templates/types';
import { lastYearOf, withCells, withParagraph } from '../../../../fixtures/factory';

export interface Defect {
  report: string;
  what: string;
  plant: (r: Report) => Report;
  /** Last year's report for the cross-year rules (built from this year's consistent report). */
  last?: (r: Report) => Report;
  rule: RuleId;
  /** Words the finding quotes, names or gives as its value (its `actual`, or part of its message). */
  names?: string;
}

/** Replaces words wherever they stand (title, preamble, paragraphs); the words must be there. */
export function replaceText(r: Report, from: string, to: string): Report {
  let found = false;
  const swap = (t: string) => {
    if (!t.includes(from)) return t;
    found = true;
    return t.split(from).join(to);
  };
  const out: Report = {
    ...r,
    title: swap(r.title),
    preamble: swap(r.preamble ?? ''),
    sections: r.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, text: swap(b.text) })) })),
  };
  if (!found) throw new Error(`defect: “${from}” is not in ${r.agency.name}`);
  return out;
}

const cells = (patch: Cells) => (r: Report) => withCells(r, patch);
const recomputed = (patch: Cells) => (r: Report) => withCells(r, patch, true);
const text = (from: string, to: string) => (r: Report) => replaceText(r, from, to);
const signed = (date: string) => (r: Report) => ({ ...r, signature: { ...r.signature, date } });
const emptied =
  (id: SectionId, keep: string[] = []) =>
  (r: Report) => ({
    ...r,
    sections: r.sections.map((s) =>
      s.id === id ? { ...s, blocks: keep.map((t) => ({ type: 'paragraph' as const, text: t })) } : s,
    ),
  });
/** Drops the paragraphs (and a heading right before them) that contain the words. */
const dropping = (words: string) => (r: Report) => {
  let found = false;
  const sections = r.sections.map((s) => {
    const blocks = s.blocks.filter((b, i) => {
      const next = s.blocks[i + 1];
      const hit = b.text.includes(words) || (b.type === 'heading' && !!next && next.text.includes(words));
      if (hit) found = true;
      return !hit;
    });
    return { ...s, blocks };
  });
  if (!found) throw new Error(`defect: “${words}” is not in ${r.agency.name}`);
  return { ...r, sections };
};
const blankTable = (prefix: string) => (r: Report) => ({
  ...r,
  cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, k.startsWith(prefix) ? null : v])),
});

export const DEFECTS: Defect[] = [
  // 街道
  {
    report: 'street',
    what: '另一街道的专栏',
    plant: text('门户网站长安街道信息公开专栏', '门户网站临湖街道信息公开专栏'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '临湖街道',
  },
  { report: 'street', what: '行总计错', plant: cells({ 't3.res_open.total': 3 }), rule: 'T3-ROW-TOTAL', names: '3' },
  {
    report: 'street',
    what: '统计期限是上年的',
    plant: text('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止'),
    rule: 'TEXT-STALE-YEAR',
    names: '2023年',
  },
  { report: 'street', what: '六没有信息处理费', plant: dropping('信息处理费收取情况'), rule: 'FEE-STATEMENT' },
  {
    report: 'street',
    what: '街道填了规章',
    plant: recomputed({ 't2.regulations.issued': 1, 't2.regulations.in_force': 1 }),
    rule: 'T2-REGULATIONS-POWER',
  },
  {
    report: 'street',
    what: '半角括号',
    plant: text('（一）信息处理费收取情况', '(一)信息处理费收取情况'),
    rule: 'PUNCTUATION',
  },
  // 镇
  {
    report: 'town',
    what: '另一镇作主体',
    plant: text('2024年，青石镇党委、政府高度重视', '2024年，石门镇党委、政府高度重视'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '石门镇',
  },
  {
    report: 'town',
    what: '称未收到申请而表三有',
    plant: text(
      '镇党政办公室负责受理政府信息公开申请，全年共受理申请2件，均为自然人提出，已在法定期限内全部答复，其中予以公开1件，本机关不掌握相关政府信息1件。',
      '2024年，我镇未收到政府信息公开申请。',
    ),
    rule: 'TEXT-CLAIM',
  },
  { report: 'town', what: '五为空', plant: emptied('problems'), rule: 'SECTION-EMPTY' },
  { report: 'town', what: '2月20日才签发', plant: signed('2025-02-20'), rule: 'PUBLISH-DEADLINE' },
  {
    report: 'town',
    what: '镇填了规章',
    plant: recomputed({ 't2.regulations.in_force': 2 }),
    rule: 'T2-REGULATIONS-POWER',
  },
  // 乡
  {
    report: 'xiang',
    what: '全零表而正文有申请',
    plant: text('2023年，我乡未收到政府信息公开申请。', '2023年，我乡共收到政府信息公开申请3件，均已按期答复。'),
    rule: 'ALL-ZERO',
  },
  {
    report: 'xiang',
    what: '引用492号令',
    plant: text('本报告统计期限为', '本报告依据《中华人民共和国政府信息公开条例》（国务院令第492号）编制，统计期限为'),
    rule: 'CITATION-OUTDATED',
    names: '492',
  },
  {
    report: 'xiang',
    what: '标题年份错',
    plant: (r) => ({ ...r, title: '岭南县瓦窑乡人民政府2022年政府信息公开工作年度报告' }),
    rule: 'TITLE',
  },
  { report: 'xiang', what: '五写“无”', plant: emptied('problems', ['无。']), rule: 'SECTION-EMPTY' },
  { report: 'xiang', what: '用2019年版格式', plant: (r) => ({ ...r, format: 'gov-2019' }), rule: 'FORMAT-VERSION' },
  // 县政府
  { report: 'county', what: '结转下年度改了', plant: recomputed({ 't3.carry_next.natural': 3 }), rule: 'T3-BALANCE' },
  {
    report: 'county',
    what: '正文申请数与表不符',
    plant: text('共收到政府信息公开申请47件', '共收到政府信息公开申请57件'),
    rule: 'TEXT-NUMBER',
    names: '57',
  },
  {
    report: 'county',
    what: '正文复议数与表不符',
    plant: text('被申请行政复议5件', '被申请行政复议6件'),
    rule: 'TEXT-NUMBER',
    names: '6',
  },
  {
    report: 'county',
    what: '均获维持而有纠正',
    plant: text('被申请行政复议5件，其中结果维持3件，结果纠正1件，尚未审结1件；', '被申请行政复议5件，均获维持；'),
    rule: 'TEXT-CLAIM',
  },
  {
    report: 'county',
    what: '引用60号文',
    plant: text('（国办公开办函〔2021〕30号）', '（国办公开办函〔2019〕60号）'),
    rule: 'CITATION-OUTDATED',
    names: '60',
  },
  {
    report: 'county',
    what: '上年结转与上年报告不符',
    plant: (r) => r,
    last: (r) => lastYearOf(r, { t3: { res_open: [5, 1, 0, 0, 0, 0], carry_next: [4, 0, 0, 0, 0, 0] } }),
    rule: 'X-CARRY',
  },
  {
    report: 'county',
    what: '现行有效与上年不衔接',
    plant: (r) => r,
    last: (r) => lastYearOf(r, { t2: { normative_docs: [2, 0, 30] } }),
    rule: 'X-IN-FORCE',
  },
  {
    report: 'county',
    what: '平台一段照搬上年',
    plant: (r) => r,
    last: (r) =>
      withParagraph(
        lastYearOf(r),
        'overview',
        '推进政府网站集约化建设，完成县政府门户网站适老化和无障碍改造。规范管理政务新媒体，全县保留政务新媒体账号32个，关停整合“僵尸号”“睡眠号”5个。在县政务服务中心和11个乡镇（街道）便民服务中心设立政府信息公开查阅点。',
      ),
    rule: 'X-REUSED-TEXT',
  },
  // 区政府
  { report: 'district', what: '办理结果合计错', plant: cells({ 't3.res_total.natural': 97 }), rule: 'T3-RESULT-TOTAL' },
  {
    report: 'district',
    what: '称未发出收费通知而有逾期未缴费',
    plant: text(
      '2024年，区政府向1名申请人发出收费通知，申请人逾期未缴纳费用，该申请不再处理。',
      '2024年，区政府未向申请人发出收费通知。',
    ),
    rule: 'TEXT-CLAIM',
  },
  {
    report: 'district',
    what: '联系另一区政府办',
    plant: text('请与清河区人民政府办公室（区政务公开办）联系', '请与淮江市北湖区人民政府办公室联系'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '北湖区人民政府办公室',
  },
  {
    report: 'district',
    what: '称未发生复议诉讼而表四有',
    plant: text('本年度未发生因政务公开工作被追究责任的情况。', '本年度未发生因政府信息公开引起的行政复议、行政诉讼。'),
    rule: 'TEXT-CLAIM',
  },
  {
    report: 'district',
    what: '总体情况缺监督保障',
    plant: dropping('调整区政府信息公开工作领导小组'),
    rule: 'OVERVIEW-TOPICS',
    names: '监督保障',
  },
  // 高新区
  {
    report: 'hightech',
    what: '另一开发区作主体',
    plant: text('2024年，淮江高新区管委会坚持', '2024年，淮江经开区管委会坚持'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '淮江经开区管委会',
  },
  { report: 'hightech', what: '表四总计错', plant: cells({ 't4.review.total': 2 }), rule: 'T4-TOTAL' },
  { report: 'hightech', what: '负数', plant: cells({ 't2.licensing.decisions': -5 }), rule: 'CELL-INVALID' },
  { report: 'hightech', what: '表三没填', plant: blankTable('t3.'), rule: 'SECTION-EMPTY' },
  // 新区
  {
    report: 'newArea',
    what: '开头是上年',
    plant: text('2023年，临港新区管委会深入贯彻', '2022年，临港新区管委会深入贯彻'),
    rule: 'TEXT-STALE-YEAR',
    names: '2022年',
  },
  {
    report: 'newArea',
    what: '上年结转与上年报告不符',
    plant: (r) => r,
    last: (r) => lastYearOf(r, { t3: { res_open: [5, 1, 0, 0, 0, 0], carry_next: [1, 0, 0, 0, 0, 0] } }),
    rule: 'X-CARRY',
  },
  {
    report: 'newArea',
    what: '正文新收数与表不符',
    plant: text('全年新收政府信息公开申请22件', '全年新收政府信息公开申请24件'),
    rule: 'TEXT-NUMBER',
    names: '24',
  },
  {
    report: 'newArea',
    what: '六没有信息处理费',
    plant: text('2023年新区未收取信息处理费。', '2023年新区无其他需要报告的事项。'),
    rule: 'FEE-STATEMENT',
  },
  { report: 'newArea', what: '空白格', plant: cells({ 't3.res_open.research': null }), rule: 'CELL-BLANK' },
  // 县自然资源局
  {
    report: 'countyBureau',
    what: '另一部门作主体',
    plant: text('2024年，县自然资源局在县委', '2024年，县住房和城乡建设局在县委'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '县住房和城乡建设局',
  },
  {
    report: 'countyBureau',
    what: '联系另一部门',
    plant: text('请与云溪县自然资源局办公室联系', '请与云溪县水利局办公室联系'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '云溪县水利局办公室',
  },
  {
    report: 'countyBureau',
    what: '规范性文件数与表不符',
    plant: text('全年制发行政规范性文件1件', '全年制发行政规范性文件3件'),
    rule: 'TEXT-NUMBER',
    names: '3',
  },
  {
    report: 'countyBureau',
    what: '县级部门填了规章',
    plant: recomputed({ 't2.regulations.issued': 1, 't2.regulations.in_force': 1 }),
    rule: 'T2-REGULATIONS-POWER',
  },
  { report: 'countyBureau', what: '2月15日才签发', plant: signed('2025-02-15'), rule: 'PUBLISH-DEADLINE' },
  // 市生态环境局
  {
    report: 'cityBureau',
    what: '另一市同名部门作主体',
    plant: text('2024年，江州市生态环境局在市委', '2024年，南州市生态环境局在市委'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '南州市生态环境局',
  },
  {
    report: 'cityBureau',
    what: '正文新收数与表不符',
    plant: text('全年新收政府信息公开申请64件', '全年新收政府信息公开申请46件'),
    rule: 'TEXT-NUMBER',
    names: '46',
  },
  {
    report: 'cityBureau',
    what: '称未发生复议诉讼而表四有',
    plant: text(
      '2024年，我局因政府信息公开被申请行政复议4件，其中结果维持3件，结果纠正1件；被提起行政诉讼3件，均为未经复议直接起诉，其中结果维持2件，尚未审结1件。',
      '2024年，我局未发生因政府信息公开引起的行政复议、行政诉讼案件。',
    ),
    rule: 'TEXT-CLAIM',
  },
  {
    report: 'cityBureau',
    what: '标题没有机关名称',
    plant: (r) => ({ ...r, title: '2024年政府信息公开工作年度报告' }),
    rule: 'TITLE',
  },
  // 市政府
  {
    report: 'city',
    what: '规章现行有效数与表不符',
    plant: text('现行有效政府规章38件', '现行有效政府规章36件'),
    rule: 'TEXT-NUMBER',
    names: '36',
  },
  { report: 'city', what: '新收自然人改了', plant: cells({ 't3.new_received.natural': 246 }), rule: 'T3-ROW-TOTAL' },
  {
    report: 'city',
    what: '另一市政府作主体',
    plant: text('2024年，江州市人民政府坚持', '2024年，南州市人民政府坚持'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '南州市人民政府',
  },
  { report: 'city', what: '4月才发布', plant: signed('2025-04-10'), rule: 'PUBLISH-DEADLINE' },
  {
    report: 'city',
    what: '现行有效规章与上年不衔接',
    plant: (r) => r,
    last: (r) => lastYearOf(r, { t2: { regulations: [1, 0, 40], normative_docs: [2, 0, 107] } }),
    rule: 'X-IN-FORCE',
  },
  // 税务局
  {
    report: 'tax',
    what: '联系另一区税务局',
    plant: text('请与国家税务总局淮江市清河区税务局办公室联系', '请与国家税务总局淮江市北湖区税务局办公室联系'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '北湖区税务局',
  },
  {
    report: 'tax',
    what: '正文受理数与表不符',
    plant: text('全年共受理政府信息公开申请7件', '全年共受理政府信息公开申请9件'),
    rule: 'TEXT-NUMBER',
    names: '9',
  },
  {
    report: 'tax',
    what: '称未收到申请而表三有',
    plant: text(
      '全年共受理政府信息公开申请7件，其中自然人5件、法人或其他组织2件，均在法定期限内答复，无上年结转和结转下年度申请。',
      '本年度未收到政府信息公开申请。',
    ),
    rule: 'TEXT-CLAIM',
  },
  // 公安局
  {
    report: 'police',
    what: '开头是上年',
    plant: text('2022年，县公安局在县委', '2021年，县公安局在县委'),
    rule: 'TEXT-STALE-YEAR',
    names: '2021年',
  },
  {
    report: 'police',
    what: '引用492号令',
    plant: text(
      '根据《中华人民共和国政府信息公开条例》规定',
      '根据《中华人民共和国政府信息公开条例》（国务院令第492号）规定',
    ),
    rule: 'CITATION-OUTDATED',
    names: '492',
  },
  {
    report: 'police',
    what: '正文新收数与表不符',
    plant: text('全年新收政府信息公开申请12件', '全年新收政府信息公开申请21件'),
    rule: 'TEXT-NUMBER',
    names: '21',
  },
  {
    report: 'police',
    what: '不予公开数与表不符',
    plant: text('不予公开4件', '不予公开3件'),
    rule: 'TEXT-NUMBER',
    names: '3',
  },
  // 医院
  { report: 'hospital', what: '一为空', plant: emptied('overview'), rule: 'SECTION-EMPTY' },
  {
    report: 'hospital',
    what: '称未收到申请而表三有',
    plant: text('全年收到申请3件，均已按期答复。', '全年未收到信息公开申请。'),
    rule: 'TEXT-CLAIM',
  },
  {
    report: 'hospital',
    what: '六没有信息处理费',
    plant: emptied('other', ['本年度无其他需要报告的事项。']),
    rule: 'FEE-STATEMENT',
  },
];
