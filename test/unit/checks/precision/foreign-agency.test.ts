import { describe, expect, it } from 'vitest';
import { makeReport } from '../../../fixtures/factory';
import { AGENCIES as A, findingsOf, reportOf, show, type Case } from './cases';
import { clearCheckCaches, runChecks } from '../../../../shared/checks/index';
import type { Report } from '../../../../shared/model/types';

/**
 * TEXT-FOREIGN-AGENCY: a name is foreign only when it belongs to another place or to a body outside
 * the reporting one — not to a body under the reporting government, nor to the agency's own offices.
 */

const FIRE: Case[] = [
  // A township's report copied from another township (seeds/004: 果耶镇 naming 拱坝镇).
  {
    agency: A.township,
    text: '通过县政府门户网站拱坝镇政府信息公开栏目公开了镇政府2023年度决算、预算等内容。',
    names: '拱坝镇',
  },
  { agency: A.township, text: '2024年，拱坝镇坚持以习近平新时代中国特色社会主义思想为指导。', names: '拱坝镇' },
  {
    agency: A.township,
    where: 'preamble',
    text: '如对本报告有疑问，请与拱坝镇党政办公室联系（电话：0941-5123456）。',
    names: '拱坝镇党政办公室',
  },
  { agency: A.street, text: '2024年，城北街道认真贯彻落实《条例》，持续深化基层政务公开。', names: '城北街道' },
  // A department's report copied from a sibling department of the same government.
  {
    agency: A.countyBureau,
    text: '2024年，云溪县自然资源局坚持以公开为常态、不公开为例外。',
    names: '云溪县自然资源局',
  },
  {
    agency: A.countyBureau,
    where: 'preamble',
    text: '如对本报告有疑问，请与县自然资源局办公室联系。',
    names: '县自然资源局办公室',
  },
  {
    agency: A.districtBureau,
    text: '2024年，区卫生健康委员会高度重视政府信息公开工作，严格落实公开要求。',
    names: '区卫生健康委员会',
  },
  {
    agency: A.cultureBureau,
    where: 'preamble',
    text: '本报告由和田县民政局根据《中华人民共和国政府信息公开条例》编制。',
    names: '和田县民政局',
  },
  // Another county or district's body.
  { agency: A.districtBureau, text: '2024年，盱眙县教育局认真落实政务公开工作要点。', names: '盱眙县教育局' },
  { agency: A.district, text: '2024年，淮阴区人民政府坚持以人民为中心的发展思想。', names: '淮阴区人民政府' },
  {
    agency: A.district,
    where: 'preamble',
    text: '如对本报告有疑问，请与淮阴区人民政府办公室联系。',
    names: '淮阴区人民政府办公室',
  },
  // Another city's government; another zone.
  { agency: A.city, text: '2024年，宿迁市人民政府坚持以公开促落实、促规范、促服务。', names: '宿迁市人民政府' },
  { agency: A.zone, text: '2024年，青岚高新区管委会坚持以公开为常态。', names: '青岚高新区管委会' },
  // A hospital's report copied from another hospital (as subject, and in the contact line).
  {
    agency: A.hospital,
    text: '2024年，江州市第二人民医院坚持以患者为中心，持续深化院务公开。',
    names: '江州市第二人民医院',
  },
  {
    agency: A.hospital,
    where: 'preamble',
    text: '如对本报告有疑问，请与江州市中医院院长办公室联系（电话：0523-86200000）。',
    names: '江州市中医院院长办公室',
  },
  // Another township whose name ends like the reporting one's, or differs only before the ethnic designation.
  {
    agency: A.street3,
    text: '在区政府门户网站中华路街道信息公开专栏发布信息215条。',
    names: '中华路街道',
  },
  {
    agency: A.ethnicXiang,
    text: '依托县政府门户网站石门彝族乡信息公开专栏发布信息64条。',
    names: '石门彝族乡',
  },
];

const QUIET: Case[] = [
  // The three: the reporting government's own bodies.
  { agency: A.districtShort, text: '2024年，区农业农村局坚持以公开促落实，及时公开惠农补贴发放信息。' },
  { agency: A.districtShort, text: '区社会事业局认真做好教育、医疗、养老等民生领域信息公开。' },
  { agency: A.zone, text: '督促各片区管理局严格落实信息发布“三审”制度，确保信息准确规范。' },
  {
    agency: A.districtShort,
    where: 'preamble',
    text: '如对本报告有疑问，请与云溪区政府信息公开工作领导小组办公室联系（地址：云溪区人民路1号）。',
  },
  { agency: A.zone, text: '2024年，区农业农村局坚持以公开促落实，区社会事业局认真做好民生领域信息公开。' },
  {
    agency: A.zone,
    where: 'preamble',
    text: '如对本报告有疑问，请与云溪区政府信息公开工作领导小组办公室联系。',
  },
  { agency: A.zone, text: '2024年，开发区管委会认真贯彻落实《条例》，持续深化政务公开。' },
  { agency: A.zone, text: '经开区规划建设局认真落实重大建设项目批准和实施信息公开。' },
  { agency: A.zone, where: 'preamble', text: '如对本报告有疑问，请与开发区党政办公室联系。' },
  { agency: A.highTech, text: '高新区科技创新局积极推进惠企政策“免申即享”信息公开。' },
  // A district or county government tells what its departments and townships did.
  { agency: A.district, text: '区政务服务管理办公室积极推进基层政务公开标准化规范化建设。' },
  { agency: A.district, text: '城南街道持续深化基层政务公开，打造政务公开专区。' },
  { agency: A.district, where: 'preamble', text: '本报告由洪泽区人民政府办公室编制。' },
  { agency: A.district, text: '淮安市政务公开办认真指导全区开展政务公开标准化建设。' },
  { agency: A.county, text: '2024年，石坝镇坚持把基层政务公开作为服务群众的重要抓手。' },
  { agency: A.county, text: '县教育局严格落实招生入学信息公开，县人社局及时公开就业创业政策。' },
  { agency: A.city, text: '市发展改革委认真做好重大项目信息公开。' },
  { agency: A.city, text: '清江浦区人民政府积极推进基层政务公开标准化规范化。' },
  // A department: its own short names, offices, branches, subordinate units, the government and bodies above.
  { agency: A.countyBureau, text: '2024年，县市场监管局坚持以公开为常态，持续深化政务公开。' },
  { agency: A.countyBureau, text: '县政府办公室加强对政务公开工作的业务指导。' },
  { agency: A.countyBureau, text: '县政务公开领导小组办公室认真组织全县政务公开业务培训。' },
  { agency: A.countyBureau, text: '局属各单位积极配合，按时报送公开信息。' },
  { agency: A.countyBureau, text: '会同县财政局开展涉企收费专项检查。' },
  { agency: A.countyBureau, text: '县市场监督管理局城关分局认真做好辖区市场主体信息公示。' },
  { agency: A.countyBureau, text: '市市场监督管理局高度重视，多次指导我局规范公开内容。' },
  { agency: A.countyBureau, text: '县消费者权益保护中心积极公开消费投诉处理信息。' },
  { agency: A.countyBureau, where: 'preamble', text: '如对本报告有疑问，请与云溪县市场监督管理局办公室联系。' },
  { agency: A.countyBureau, where: 'preamble', text: '如对本报告有疑问，请与本局政府信息公开工作领导小组办公室联系。' },
  { agency: A.cultureBureau, text: '2024年，和田县文旅局认真贯彻落实《条例》，县文化和旅游局门户网站保持正常运行。' },
  { agency: A.districtBureau, text: '在区委、区政府的坚强领导下，区教育局坚持以公开促规范。' },
  { agency: A.districtBureau, text: '淮安市教育局认真指导全市教育系统政务公开工作。' },
  { agency: A.cityBureau, text: '汕尾市政务公开办认真指导我局开展政务公开标准化建设。' },
  { agency: A.govOffice, text: '2024年，区政府办公室认真贯彻落实《条例》，区人民政府高度重视政务公开。' },
  // A township: its own offices, the county and its bureaus above it, a merged or partner township.
  { agency: A.township, text: '镇党政办公室认真做好信息发布审核工作。' },
  { agency: A.township, text: '县人民政府高度重视基层政务公开，县民政局认真指导我镇规范公开低保信息。' },
  { agency: A.township, text: '原石坝乡政府驻地便民服务站同步设置政务公开栏。' },
  { agency: A.township, text: '与石坝镇政府联合开展惠民政策宣讲。' },
  { agency: A.township, text: '果耶镇人民政府坚持以公开促落实，果耶乡政务公开栏保持常态更新。' },
  { agency: A.townshipShort, text: '通过县政府门户网站果林镇政府信息公开栏目公开了镇政府2023年度决算。' },
  { agency: A.street, text: '区城市管理局积极配合，及时公开街道辖区内占道施工信息。' },
  // A vertically managed bureau's branches, named without the bureau.
  { agency: A.taxBureau, text: '第一税务分局严格落实办税公开要求，及时更新办税服务厅公告。' },
  { agency: A.taxBureau, text: '2024年，第二税务分局认真做好减税降费政策宣传解读。' },
  // A 民族乡 names itself with or without its ethnic designation; a 街道 of three characters names itself whole.
  { agency: A.ethnicXiang, text: '2024年，大坪乡在县委、县政府的坚强领导下，认真贯彻落实《条例》。' },
  { agency: A.ethnicXiang, where: 'preamble', text: '如对本报告有疑问，请与大坪乡党政综合办公室联系。' },
  { agency: A.ethnicXiang, text: '依托县政府门户网站大坪彝族乡信息公开专栏发布信息64条。' },
  { agency: A.street3, text: '在区政府门户网站新华路街道信息公开专栏发布信息215条。' },
  { agency: A.street3, text: '与相邻的东风街道联合开展“政务公开日”活动2次。' },
  // Another body that acts on the agency, by the sentence's own words.
  { agency: A.countyBureau, text: '2024年，县政务服务和数据管理局积极指导我局做好政务公开工作。' },
  { agency: A.districtBureau, text: '区卫生健康委员会多次到我局调研指导政务公开工作。' },
  { agency: A.countyCity, text: '2024年，无锡市人民政府高度重视，多次到我市督导政务公开工作。' },
  // A hospital: its supervising body above it, its own offices.
  { agency: A.hospital, text: '2024年，市卫生健康委员会高度重视，多次指导我院规范院务公开。' },
  { agency: A.hospital, text: '江州市卫生健康委员会认真指导全市公立医院开展信息公开工作。' },
  { agency: A.hospital, where: 'preamble', text: '如对本报告有疑问，请与江州市第一人民医院院长办公室联系。' },
];

describe('TEXT-FOREIGN-AGENCY: must fire', () => {
  it.each(FIRE.map((c) => [c.text, c] as const))('%s', (_t, c) => {
    const f = findingsOf('TEXT-FOREIGN-AGENCY', c);
    expect(f.length, show(c, f)).toBe(1);
    expect(f[0]!.actual, show(c, f)).toBe(c.names);
  });
});

describe('TEXT-FOREIGN-AGENCY: must stay quiet', () => {
  it.each(QUIET.map((c) => [`${c.agency.name} · ${c.text}`, c] as const))('%s', (_t, c) => {
    const f = findingsOf('TEXT-FOREIGN-AGENCY', c);
    expect(f, show(c, f)).toEqual([]);
  });

  it('the base reports of every agency are quiet', () => {
    for (const a of Object.values(A)) {
      const f = runChecks(makeReport({ agency: a.name, kind: a.kind })).filter((x) => x.rule === 'TEXT-FOREIGN-AGENCY');
      expect(f, a.name).toEqual([]);
      expect(reportOf({ agency: a, text: '' }).agency.name).toBe(a.name);
    }
  });
});

describe('TEXT-FOREIGN-AGENCY: a paragraph scanned once is reused only for the same names', () => {
  // The editor re-checks on every keystroke and reuses each unchanged paragraph's scan: the same
  // text checked for another agency, kind, or last year's name must give what a first check gives.
  const renamed = makeReport({ agency: '和平县文化体育广播电视和旅游局', kind: 'department', year: 2023 });
  // The agencies of the cases, and the bodies the texts name as agencies of the same kind (quiet on
  // their own name): the same kind, different names, different findings.
  const named = FIRE.filter((c) => /(?:人民政府|局|委员会|管委会|街道|镇)$/.test(c.names ?? '')).map((c) => ({
    name: c.names!,
    kind: c.agency.kind,
  }));
  // Grouped by last year's report: a change of agency alone must not reuse the scan.
  const variants = [undefined, renamed].flatMap((last) =>
    [...Object.values(A), ...named].map((agency) => ({ agency, last })),
  );

  it('gives, warm, exactly the findings of a cold check', () => {
    // One report per text, its agency changed in place of a copy: the paragraph objects stay the same, as
    // in the editor while the clerk edits the cover.
    const reports = FIRE.map((c) => reportOf(c));
    const run = (r: Report, v: (typeof variants)[number]) =>
      runChecks(
        { ...r, agency: { ...r.agency, name: v.agency.name, kind: v.agency.kind } },
        { now: new Date('2025-01-20T00:00:00Z'), ...(v.last ? { last: v.last } : {}) },
      )
        .filter((f) => f.rule === 'TEXT-FOREIGN-AGENCY')
        .map((f) => [f.actual, f.message, f.span]);
    clearCheckCaches();
    const warm = reports.flatMap((r) => variants.map((v) => run(r, v)));
    const cold = reports.flatMap((r) =>
      variants.map((v) => {
        clearCheckCaches();
        return run(r, v);
      }),
    );
    expect(warm).toEqual(cold);
    // Not vacuous: some text gets different findings for two agencies of the same kind, same last year.
    const differ = reports.some((_, i) =>
      variants.some((v, j) =>
        variants.some(
          (w, k) =>
            v.agency.kind === w.agency.kind &&
            v.last === w.last &&
            JSON.stringify(cold[i * variants.length + j]) !== JSON.stringify(cold[i * variants.length + k]),
        ),
      ),
    );
    expect(differ).toBe(true);
  });
});
