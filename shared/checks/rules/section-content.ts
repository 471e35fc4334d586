import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import type { SectionId } from '../../../templates/types';
import { paragraphWords, sectionBlocks } from './util';

/**
 * What sections 一 and 六 must say: OVERVIEW-TOPICS (the five topics of 一、总体情况) and FEE-STATEMENT
 * (信息处理费 in 六). Reports word the topics in many ways (平台载体建设方面, 考核监督, 依申请公开方面…) and
 * often write about a topic without naming it: a topic counts as covered when its name, a usual
 * heading for it or its typical content appears.
 */

/**
 * Each topic: the template's name and keywords (headings), then the words of its content as reports
 * write them (from published reports of towns, counties, districts, zones and departments).
 */
const TOPIC_CONTENT: Record<string, RegExp> = {
  主动公开:
    /主动公开|发布(?:各类)?(?:政务|政府)?信息|公开(?:各类)?(?:政府|政务)?信息\d|信息\d+条|政策解读|解读(?:材料|文件|稿|产品)|重点领域|法定主动公开|预决算|公开(?:了)?[^，。；]{0,12}(?:文件|规划|计划|公告|通知)/,
  依申请公开:
    /依申请|政府信息公开申请|公开申请|申请公开|申请人|申请件|答复(?:申请|期限|时限|率)?|办理申请|受理(?:渠道|程序|流程)/,
  政府信息管理:
    /信息管理|发布审核|审核|审查|保密|公开属性|源头认定|规范性文件(?:清理|管理|统一|备案|合法性)|文件库|政策文件|动态(?:调整|更新|管理)|清理|公开指南|公开目录|台账|三审|先审后发|一事一审|发布(?:流程|程序|机制|制度)/,
  政府信息公开平台建设:
    /平台|载体|网站|门户|栏目|专栏|新媒体|微信|公众号|微博|客户端|政务服务(?:大厅|中心|网)|公开栏|公示栏|专区|查阅点|政务大厅|政府公报|便民服务|热线/,
  监督保障:
    /监督|保障|考核|考评|培训|评议|问责|责任追究|督查|督导|检查|领导小组|组织领导|工作机制|责任(?:制|分工|落实|清单)|队伍建设|人员配备|整改|测评|评估/,
};

function* overviewTopics(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.template || ctx.report.year < 2019) return;
  const blocks = sectionBlocks(ctx, 'overview');
  if (paragraphWords(blocks, 2).length < 2) return; // SECTION-EMPTY speaks for it
  const text = blocks.map((b) => b.norm.text).join('\n');
  const missing = ctx.template.overviewTopics.filter(
    (t) => !t.keywords.some((k) => text.includes(k)) && !TOPIC_CONTENT[t.name]?.test(text),
  );
  if (!missing.length) return;
  const names = missing.map((t) => t.name).join('、');
  yield {
    rule: 'OVERVIEW-TOPICS',
    severity: 'warning',
    message:
      `一、总体情况没有写到${names}${missing.length > 1 ? '这几个方面' : '方面'}的情况。` +
      `按格式要求，总体情况应写明${ctx.template.overviewTopics.map((t) => t.name).join('、')}五个方面（可用小标题“（一）主动公开”等）。`,
    actual: names,
    fingerprint: 'overview',
  };
}

/** A statement about 信息处理费 (collected or not, an amount, or that none arises). */
const FEE =
  /处理费|收费通知|免费|免收|零收费|不收费|(?:未|没有|无|不|未曾|并未|均未)(?:向申请人)?(?:收取|收|产生|发生|涉及|存在)[^。；]{0,12}(?:费|收费)|收取[^。；]{0,16}费用?[^。；]{0,6}元/;

const SECTION_NAMES: Partial<Record<SectionId, string>> = {
  overview: '一、总体情况',
  requests: '三、收到和处理政府信息公开申请情况',
  problems: '五、存在的主要问题及改进情况',
};

function* feeStatement(ctx: CheckContext): Iterable<Finding> {
  if (ctx.report.year < 2021 || ctx.report.format === 'pre-2019') return;
  const blocks = sectionBlocks(ctx, 'other');
  if (paragraphWords(blocks, 2).length < 2) return; // SECTION-EMPTY speaks for it
  for (const b of blocks) if (FEE.test(b.norm.text)) return;
  // Said elsewhere (often under 一（二）依申请公开): the statement exists, only its place is wrong.
  const elsewhere = ctx.blocks.find((b) => b.section !== 'other' && b.kind !== 'title' && FEE.test(b.norm.text));
  const where = elsewhere ? (elsewhere.section ? SECTION_NAMES[elsewhere.section] : '开头段落') : undefined;
  const noFee = ctx.num('t3.other_no_fee.total') ?? 0;
  yield {
    rule: 'FEE-STATEMENT',
    severity: 'warning',
    message:
      (elsewhere
        ? `信息处理费的收取情况写在了${where ?? '其他部分'}，按格式要求应在“六、其他需要报告的事项”中说明（国办函〔2020〕109号）。请在六中写明，例如“本年度未收取信息处理费”或收取的金额。`
        : '六、其他需要报告的事项没有说明信息处理费的收取情况。请依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）写明，例如“本年度未收取信息处理费”或收取的金额。') +
      (noFee > 0 ? `表三“（六）2.逾期未按收费通知要求缴纳费用”有 ${noFee} 件，更应说明发出收费通知和收费的情况。` : ''),
    ...(noFee > 0 ? { cells: ['t3.other_no_fee.total'] } : {}),
    fingerprint: 'fee',
  };
}

export const sectionContentRules: Rule[] = [overviewTopics, feeStatement];
