// Full check of one report: every rule, cross-year included, on a report of about 10,000 characters
// of text (a long real-world report) with last year's report of the same size.
import { performance } from 'node:perf_hooks';
import { clearCheckCaches, runChecks } from '../../shared/checks/index';
import type { Report } from '../../shared/model/types';
import { makeReport, withBlockText, withCells } from '../fixtures/factory';
import { cityGovernment2024 } from '../fixtures/reports/city-government';
import { median, percentile, type Benchmark } from './run';

const TARGET_MS = 1;

/**
 * Sentence pool: real phrasings (figures, years, names, half-width marks, PDF line breaks) from published
 * reports, and narrative sentences without figures; about a third of the sentences carry figures.
 */
const POOL = [
  '（{n}）主动公开情况。{y} 年，市政府网站主动公开各类政\n府信息 {a} 余条，全年新增公开市政府规章 1 件、市政府及市\n政府办政策性文件 {b} 件，通过文字、图片等形式制作政策解读 {c} 个。',
  '（{n}）依申请公开情况。{y} 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。',
  '政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。',
  '在政府网站、政务新媒体、政府公报等公开平台发布信息时，坚持“先审查、后公开”“一事一审”工作原则，规范审查程序，建立健全重要事项公开保密审查协调机制（第{n}项），落实政府信息公开属性源头认定机制，加强政府信息源头管理工作。',
  '深入开展防治政务新媒体“指尖上的形式主义”工作，聚焦解决政务新媒体开而少用、更新不及时、不互动不回应、表述不规范等新老问题。截至目前，全市在运维政务新媒体共计 {a} 个，合格率均为 100%。',
  '根据省政务公开年度和季度监测指标，全年组织 {b} 次政府信息公开栏目全覆盖检查，并出具各县区、各部门政务公开评估分报告。较{p}年增长{c}%，{p}年结转的申请已全部办结。',
  '对照上级新要求和公众新期待，还有一些需要加强和改进的地方。主要表现在：一是政策解读质量仍需提升，个别单位政策解读内容简单、形式单一；二是政务公开队伍建设还需进一步加强。',
  '依据《政府信息公开信息处理费管理办法》(国办函〔2020〕109号),本年度共向{b}名申请人发出收费通知，全年收取政府信息公开信息处理费 3940 元。',
  // Narrative sentences without figures, as most of a real report is.
  '坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大和二十届二中、三中全会精神，按照党中央国务院、省委省政府决策部署和市委工作要求，严格落实《中华人民共和国政府信息公开条例》各项规定。',
  '定期对政府信息公开申请集中的领\n域和热点问题进行研判，探索从源头上解决实际问题。着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性和针对性。',
  '对政务公开平台已公开信息进行梳理，优化主动公开目录，着力为群众提供看得懂、找得到、用得上的政府信息公开服务，积极构建权威、便捷、高效的一体化互联网政务服务平台。',
  '进一步优化政务公开专栏设置，省市联动制作“全力巩固和增强经济回升向好态势”“推动大规模设备更新和消费品以旧换新”等专题专栏，在日常读网巡查的基础上定期对政府信息公开栏目进行检查。',
  '针对具体问题，创新开展调研式培训、过堂式培训，不断提高政务公开工作人员的工作能力和水平，并将政务公开工作纳入高质量发展考核内容，促进信息公开工作持续向好。',
  '针对存在问题，下一步将着力加强政策解读质效，重点提升解读的针对性和通俗化，探索建立政社合作、多元参与的政策宣传解读模式，开发更多可读、可视、可感的政策解读产品。',
  '建立健全“传帮带”机制，对新上岗人员开展“面对面、手把手”指导，定期组织业务培训，全面提升政务公开工作队伍水平，同时加强先进典型宣传和正面激励，增强队伍凝聚力。',
  '紧盯重要时间节点，保障政务新媒体安全平稳运行，及时转载党中央、国务院重大方针政策，聚焦解决政务新媒体开而少用、更新不及时、不互动不回应、表述不规范等问题。',
];

/** Last year's own paragraphs (a real report rewrites most of its text; two paragraphs of POOL recur). */
export const LAST_POOL = [
  '（{n}）坚持把主动公开作为常态，围绕重点领域持续加大公开力度，全年在门户网站发布各类信息 {a} 条，其中政策文件 {b} 件、解读材料 {c} 篇，基本实现应公开尽公开。',
  '（{n}）畅通依申请公开渠道，完善登记、审核、答复、归档全流程管理，{y}年共办理政府信息公开申请 2976 件，按期答复率保持在较高水平。',
  '建立健全政府信息公开审查机制，对拟公开信息逐条进行保密审查和合法性审查，实行“三审三校”，确保发布内容准确无误，全年未发生失泄密事件（第{n}批）。',
  '持续推进政府网站集约化建设，完成{b}个部门网站的迁移整合，同步优化搜索服务和无障碍功能，提升群众获取信息的便利程度。',
  '把政务公开纳入年度综合考核，组织开展专题培训{b}期，参训人员{a}人次，并邀请第三方机构开展评估，评估结果在全市范围内通报。',
  '围绕优化营商环境、乡村振兴、民生保障等重点领域，细化公开事项清单，推动决策、执行、管理、服务、结果全过程公开，及时回应企业和群众关切。',
  '完善政府信息公开指南和目录，规范依申请公开受理、登记、审核、答复各环节文书，推行答复前会商和答复后回访，提升办理质量。',
  '加强政务新媒体矩阵建设，统一账号命名和内容审核标准，开展季度抽查和年度评估，对长期不更新的账号限期整改或关停。',
  POOL[6]!,
  POOL[3]!,
];

function fill(template: string, i: number, year: number): string {
  return template
    .replaceAll('{n}', '一二三四五六七八九十'[i % 10]!)
    .replaceAll('{y}', String(year))
    .replaceAll('{p}', String(year - 1))
    .replaceAll('{a}', String(5000 + i * 37))
    .replaceAll('{b}', String(3 + (i % 17)))
    .replaceAll('{c}', String(10 + (i % 23)));
}

/** A report with `chars` characters of text spread over the sections, on the city report's tables. */
export function longReport(year: number, chars: number, salt: number, pool = POOL): Report {
  const base =
    year === 2024
      ? cityGovernment2024()
      : makeReport({ agency: '淮清市人民政府', kind: 'government', year, variant: 1 });
  const ids = ['overview', 'overview', 'overview', 'problems', 'other'] as const;
  const blocks: Record<string, { type: 'paragraph'; text: string }[]> = {};
  let total = 0;
  // Paragraphs of three sentences (≈250 characters), as in published reports.
  for (let i = 0; total < chars; i += 3) {
    const text = [0, 1, 2].map((k) => fill(pool[(i + k + salt) % pool.length]!, i + k + salt, year)).join('');
    const id = ids[(i / 3) % ids.length]!;
    (blocks[id] ??= []).push({ type: 'paragraph', text });
    total += text.length;
  }
  return { ...base, sections: base.sections.map((s) => ({ ...s, blocks: [...s.blocks, ...(blocks[s.id] ?? [])] })) };
}

const textLength = (r: Report) =>
  r.sections.reduce((a, s) => a + s.blocks.reduce((b, x) => b + x.text.length, 0), 0) + (r.preamble?.length ?? 0);

const bench: Benchmark = {
  name: 'checks',
  title: 'Check engine: full check of one report',
  method:
    'runChecks — every rule, cross-year included — on a 2024 city-government report with ≈10,000 characters of text (sentences in the ' +
    'phrasings of published reports: figures to compare with the tables, years, agency names, half-width marks, PDF line breaks; about a ' +
    'third of the sentences carry figures), all tables filled, and last year’s report of the same size (rewritten except two paragraphs; ' +
    'also a worst case where it was copied wholesale). “First check” = nothing cached and fresh report objects (a report just opened); ' +
    '“re-check” = the same report after one edit, as the editor checks on every change: all rules run, the normalised text and figure ' +
    'claims of unchanged paragraphs and last year’s similarity index are reused. 300 runs each after 50 warm-up runs, performance.now(). ' +
    'The machine is shared with other work: figures vary with its load.',
  async run() {
    const now = longReport(2024, 10_000, 0);
    const last = longReport(2023, 10_000, 3, LAST_POOL);
    const copied = longReport(2023, 10_000, 3); // worst case: last year's text copied wholesale
    const chars = textLength(now);
    const runs = (make: (i: number) => () => number) => {
      const times: number[] = [];
      let findings = 0;
      for (let i = 0; i < 350; i++) {
        const run = make(i);
        const t0 = performance.now();
        findings = run();
        const t = performance.now() - t0;
        if (i >= 50) times.push(t);
      }
      return { times, findings };
    };
    const first = (l: Report) =>
      runs(() => {
        const r = structuredClone(now);
        const lc = structuredClone(l);
        clearCheckCaches();
        return () => runChecks(r, { last: lc }).length;
      });
    const firstReal = first(last);
    const firstCopied = first(copied);
    runChecks(now, { last });
    const cellEdit = runs((i) => {
      const edited = withCells(now, { 't2.licensing.decisions': 447228 + i });
      return () => runChecks(edited, { last }).length;
    });
    const paragraphEdit = runs((i) => {
      const edited = withBlockText(now, 'overview', 2, `${now.sections[0]!.blocks[2]!.text}（第${i}次修改）`);
      return () => runChecks(edited, { last }).length;
    });
    const fig = (metric: string, times: number[], target = false) => {
      const m = median(times);
      return target
        ? { metric, value: m, unit: 'ms', target: `< ${TARGET_MS} ms`, met: m < TARGET_MS }
        : { metric, value: m, unit: 'ms' };
    };
    return [
      { metric: `text checked (characters; ${firstReal.findings} findings)`, value: chars, unit: 'chars' },
      fig('re-check after a cell edit (median)', cellEdit.times, true),
      fig('re-check after a cell edit (p95)', [percentile(cellEdit.times, 95)]),
      fig('re-check after editing a paragraph (median)', paragraphEdit.times, true),
      fig('first check, nothing cached (median)', firstReal.times, true),
      fig('first check, nothing cached (p95)', [percentile(firstReal.times, 95)]),
      fig(
        `first check, last year's text copied wholesale (median; ${firstCopied.findings} findings)`,
        firstCopied.times,
      ),
    ];
  },
};

export default bench;
