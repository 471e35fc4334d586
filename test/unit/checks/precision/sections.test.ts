import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../shared/checks/index';
import type { RuleId } from '../../../../shared/checks/types';
import type { SectionId } from '../../../../templates/types';
import { makeReport, withSection } from '../../../fixtures/factory';
import { AGENCIES as A, type Agency } from './cases';

/**
 * Rules that read a whole section or the title: OVERVIEW-TOPICS, FEE-STATEMENT, SECTION-EMPTY (五 that
 * says nothing), CITATION-OUTDATED, TITLE — each with sections written as real reports write them.
 */

interface SectionCase {
  rule: RuleId;
  agency: Agency;
  section?: SectionId;
  /** The section's blocks (`{ h }` a heading); or, for TITLE, the title. */
  blocks?: (string | { h: string })[];
  title?: string;
  /** Other sections replaced too. */
  also?: Partial<Record<SectionId, string[]>>;
  /** For “must fire”: words the message must contain. */
  says?: string;
}

const NOW = new Date('2025-01-20T00:00:00Z');
function run(x: SectionCase) {
  let r = makeReport({ agency: x.agency.name, kind: x.agency.kind, year: 2024 });
  if (x.blocks) r = withSection(r, x.section ?? 'overview', x.blocks);
  for (const [id, blocks] of Object.entries(x.also ?? {})) r = withSection(r, id as SectionId, blocks);
  if (x.title !== undefined) r = { ...r, title: x.title };
  return runChecks(r, { now: NOW }).filter((f) => f.rule === x.rule);
}

const FIRE: SectionCase[] = [
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.countyBureau,
    blocks: ['2024年，我局认真贯彻落实《条例》，主动公开政府信息128条，依法答复政府信息公开申请3件。'],
    says: '政府信息管理、政府信息公开平台建设、监督保障',
  },
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.township,
    blocks: [
      { h: '（一）主动公开' },
      '全年通过县政府门户网站公开我镇各类信息56条。',
      { h: '（二）依申请公开' },
      '全年未收到政府信息公开申请。',
    ],
    says: '政府信息管理、监督保障',
  },
  {
    rule: 'FEE-STATEMENT',
    agency: A.countyBureau,
    section: 'other',
    blocks: ['本年度认真落实上级年度政务公开工作要点，无其他需要报告的事项。'],
  },
  {
    rule: 'FEE-STATEMENT',
    agency: A.district,
    section: 'other',
    blocks: ['无其他需要报告的事项。'],
    also: {
      overview: [
        '2024年，区政府持续深化政务公开，主动公开、依申请公开、信息管理、平台建设和监督保障各项工作稳步推进。本年度未收取信息处理费。',
      ],
    },
    says: '写在了一、总体情况',
  },
  { rule: 'SECTION-EMPTY', agency: A.township, section: 'problems', blocks: ['无。'] },
  { rule: 'SECTION-EMPTY', agency: A.countyBureau, section: 'problems', blocks: ['暂无'] },
  {
    rule: 'CITATION-OUTDATED',
    agency: A.countyBureau,
    section: 'overview',
    blocks: ['本报告依据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。'],
  },
  {
    rule: 'CITATION-OUTDATED',
    agency: A.township,
    section: 'overview',
    blocks: ['按照国办公开办函〔2019〕60号文件要求，编制本年度报告。'],
  },
  { rule: 'TITLE', agency: A.countyBureau, title: '云溪县市场监督管理局2023年政府信息公开工作年度报告' },
  { rule: 'TITLE', agency: A.district, title: '2024年政府信息公开工作年度报告' },
  { rule: 'TITLE', agency: A.cultureBureau, title: '和田县文旅局政府信息公开工作2024年度报告', says: '不是全称' },
];

const QUIET: SectionCase[] = [
  // The wordings, as headings.
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.district,
    blocks: [
      { h: '（一）主动公开方面' },
      '全年通过区政府门户网站主动公开各类政府信息2428条。',
      { h: '（二）依申请公开方面' },
      '规范办理流程，依法按时答复。',
      { h: '（三）信息管理方面' },
      '严格执行“先审后发”。',
      { h: '（四）平台载体建设方面' },
      '优化区政府网站栏目设置。',
      { h: '（五）监督保障方面' },
      '将政务公开纳入年度绩效考核。',
    ],
  },
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.countyBureau,
    blocks: [
      { h: '（一）主动公开' },
      '及时公开行政许可、行政处罚等信息。',
      { h: '（二）依申请公开' },
      '畅通申请渠道。',
      { h: '（三）政府信息管理' },
      '落实公文公开属性源头认定。',
      { h: '（四）政务公开平台建设' },
      '规范政务新媒体管理。',
      { h: '（五）监督考核' },
      '定期开展自查。',
    ],
  },
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.zone,
    blocks: [
      { h: '（一）坚持主动公开，提升公开实效' },
      '围绕重大项目建设、惠企政策等重点领域，及时发布各类信息。',
      { h: '（二）规范依申请公开办理' },
      '严格按照法定时限答复申请人。',
      { h: '（三）加强政府信息管理' },
      '建立政策文件库，动态更新公开目录。',
      { h: '（四）强化平台载体建设' },
      '开发区门户网站新增惠企政策专区。',
      { h: '（五）健全考核监督机制' },
      '把政务公开纳入各部门年度考核。',
    ],
  },
  // The topics' content, without their names.
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.township,
    blocks: [
      '2024年，果耶镇通过县政府门户网站、镇政务公开栏公开财政预决算、惠民资金发放等信息132条，全年未收到政府信息公开申请。严格落实信息发布审核制度，确保公开内容准确。将政务公开工作纳入村（社区）年度考核，组织全镇干部开展业务培训2次。',
    ],
  },
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.cityBureau,
    blocks: [
      '2023年，我局认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。',
      '（一）加强组织领导，细化工作任务。主要领导亲自抓，分管领导具体抓，职能股室抓落实。',
      '（二）围绕政务运行过程，加强信息公开。不定期对部门频道和政务新媒体各栏目信息更新情况进行自我监测，主动公开我局各类事项和信息。',
      '（三）健全工作机制，规范工作开展。建立政府信息主动公开制度、依申请公开制度、保密审查制度以及违规违纪责任追究制度。',
    ],
  },
  {
    rule: 'OVERVIEW-TOPICS',
    agency: A.street,
    blocks: [
      '一是强化主动公开，通过区政府网站街道专栏公开辖区民生信息；二是规范依申请办理；三是严格信息发布“三审”；四是管好用好社区公示栏；五是接受辖区居民监督评议。',
    ],
  },
  // 信息处理费 in 六, worded in the usual ways.
  ...[
    '本年度没有发生收费情况。',
    '依申请公开政府信息均免费提供。',
    '本年度不涉及收取信息处理费。',
    '全年未产生收费。',
    '2024年，我局未向申请人收取任何费用。',
    '全年依申请未向申请人收取依申请公开信息处理费。无其他需要报告的事项。',
    '按照《政府信息公开信息处理费管理办法》规定，本年度收取信息处理费200元。',
  ].map((t): SectionCase => ({ rule: 'FEE-STATEMENT', agency: A.countyBureau, section: 'other', blocks: [t] })),
  // 五 with real content.
  {
    rule: 'SECTION-EMPTY',
    agency: A.township,
    section: 'problems',
    blocks: ['信息公开形式单一，更新内容不够及时。下一步将加强培训，及时更新。'],
  },
  {
    rule: 'SECTION-EMPTY',
    agency: A.countyBureau,
    section: 'problems',
    blocks: [{ h: '（一）存在问题' }, '政策解读形式单一。', { h: '（二）改进措施' }, '丰富解读形式。'],
  },
  // Citing the current Regulation, or naming the old one as history.
  {
    rule: 'CITATION-OUTDATED',
    agency: A.city,
    section: 'overview',
    blocks: ['本报告根据《中华人民共和国政府信息公开条例》（国令第711号）编制。'],
  },
  {
    rule: 'CITATION-OUTDATED',
    agency: A.county,
    section: 'overview',
    blocks: ['原《条例》（国务院令第492号）已于2019年修订，我县及时组织学习新《条例》。'],
  },
  // Titles as the format has them.
  { rule: 'TITLE', agency: A.district, title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告' },
  { rule: 'TITLE', agency: A.district, title: '洪泽区人民政府2024年政府信息公开工作年度报告' },
  { rule: 'TITLE', agency: A.countyBureau, title: '云溪县市场监督管理局2024年度政府信息公开工作年度报告' },
  { rule: 'TITLE', agency: A.township, title: '舟曲县果耶镇人民政府\n2024年政府信息公开工作年度报告' },
];

describe('sections and title: must fire', () => {
  it.each(FIRE.map((x) => [`${x.rule} · ${x.title ?? JSON.stringify(x.blocks)}`, x] as const))('%s', (_t, x) => {
    const f = run(x);
    expect(f.length, f.map((y) => y.message).join('\n')).toBe(1);
    if (x.says) expect(f[0]!.message).toContain(x.says);
  });
});

describe('sections and title: must stay quiet', () => {
  it.each(QUIET.map((x) => [`${x.rule} · ${x.title ?? JSON.stringify(x.blocks)}`, x] as const))('%s', (_t, x) => {
    const f = run(x);
    expect(f.map((y) => y.message)).toEqual([]);
  });
});
