/**
 * What a careful reader of each published sample says about each error and warning the checks raise
 * on it (key: report|rule|fingerprint, as sample-table.ts builds it). Written by reading the sample's
 * text (and, for the PDFs, the same report's text file); a finding the reader would not confirm is
 * recorded with `confirmed: false` and its reason — never removed to make the table look better.
 */
export interface Verdict {
  confirmed: boolean;
  why: string;
}

const NO_TABLES =
  '原文在“二、三、四”标题下没有任何表格或数字（抓取的网页正文只有标题），导入后确实缺这张表；提示已说明原网页可能以图片发布表格，请对照原文';
const SINGLE_OTHER = '原文表三把“（六）其他处理”印成一行（2019年版写法），2021年版应分三项；检查按这一行核对了合计';
const HONGZE_T4_REVIEW = '原文表四行政复议：维持 10、纠正 1，总计却印 0（spec/checks.md 所列样例）';
const HONGZE_T4_LIT = '原文表四复议后起诉：维持 5，总计却印 0';
const HONGZE_17 =
  '原文“区政府办代表区政府受理政府信息公开申请 17 件”，同一报告表三本年新收总计 95 件，正文与表格不一致（spec/checks.md 所列样例）';
const HONGZE_REUSED =
  '2024 年“（三）政府信息管理情况”一段与 2023 年同段只改了两处（“执行信息审核发布制度”→“新增信息审核发布报备制度”，“未经审核”→“未经审核报备”），其余逐字相同';

export const VERDICTS: Record<string, Verdict> = {
  'seeds/000_2c9b207557eaa035.txt|SECTION-EMPTY|proactive': { confirmed: true, why: NO_TABLES },
  'seeds/000_2c9b207557eaa035.txt|SECTION-EMPTY|requests': { confirmed: true, why: NO_TABLES },
  'seeds/000_2c9b207557eaa035.txt|SECTION-EMPTY|review': { confirmed: true, why: NO_TABLES },
  'seeds/001_a764da6704024da5.txt|TITLE|title': {
    confirmed: true,
    why: '标题为“和田县文旅局政府信息公开工作2023年度报告”，不是格式规定的“机关全称＋年份＋政府信息公开工作年度报告”',
  },
  'seeds/002_e975f1ae8348e743.txt|TEXT-STALE-YEAR|year|2000年，我局还初步组建': {
    confirmed: true,
    why: '报告写明统计截止 2006 年 12 月 31 日，此段却把 2000 年的事当作本年度工作叙述（原文年份前后矛盾：2000、2006、2010 年混用）',
  },
  'seeds/002_e975f1ae8348e743.txt|TEXT-STALE-YEAR|year|2000年还增加了第三次全': {
    confirmed: true,
    why: '同上：以 2000 年叙述本年度新增栏目，与 2006 年度的统计期限不符',
  },
  'seeds/002_e975f1ae8348e743.txt|TEXT-STALE-YEAR|year|2000年，我局受理了61': {
    confirmed: true,
    why: '同上：依申请公开部分写“2000年，我局受理了61件”，而报告是 2006 年度的',
  },
  'seeds/002_e975f1ae8348e743.txt|TITLE|title': {
    confirmed: true,
    why: '原文第一行是“文化局机制健全工作报告”并与正文连在一起，没有规范的报告标题',
  },
  'seeds/003_83551972ef49ba1f.txt|PUBLISH-DEADLINE|deadline': {
    confirmed: true,
    why: '2016 年度报告的网页发布日期为 2017-10-23，原《条例》要求 3 月 31 日前公布',
  },
  'seeds/004_d08ad58329de4230.txt|SECTION-EMPTY|proactive': { confirmed: true, why: NO_TABLES },
  'seeds/004_d08ad58329de4230.txt|SECTION-EMPTY|requests': { confirmed: true, why: NO_TABLES },
  'seeds/004_d08ad58329de4230.txt|SECTION-EMPTY|review': { confirmed: true, why: NO_TABLES },
  'seeds/004_d08ad58329de4230.txt|TEXT-FOREIGN-AGENCY|name|拱坝镇': {
    confirmed: true,
    why: '果耶镇的报告写“通过县政府门户网站拱坝镇政府信息公开栏目公开了《果耶镇人民政府信息公开指南》”，拱坝镇是另一个乡镇（spec/checks.md 所列样例）',
  },
  'published/02_hongze_2023.txt|T4-TOTAL|t4.review.total': { confirmed: true, why: HONGZE_T4_REVIEW },
  'published/02_hongze_2023.txt|T4-TOTAL|t4.lit_after_review.total': { confirmed: true, why: HONGZE_T4_LIT },
  'published/02_hongze_2023.txt|FORMAT-VERSION|mixed-other': { confirmed: true, why: SINGLE_OTHER },
  'published/02_hongze_2023.pdf|T4-TOTAL|t4.review.total': { confirmed: true, why: HONGZE_T4_REVIEW },
  'published/02_hongze_2023.pdf|T4-TOTAL|t4.lit_after_review.total': { confirmed: true, why: HONGZE_T4_LIT },
  'published/02_hongze_2023.pdf|FORMAT-VERSION|mixed-other': { confirmed: true, why: SINGLE_OTHER },
  'published/03_hongze_2024.txt|TEXT-NUMBER|received|受理政府信息公开申请17件': { confirmed: true, why: HONGZE_17 },
  'published/03_hongze_2024.txt|FORMAT-VERSION|mixed-other': { confirmed: true, why: SINGLE_OTHER },
  'published/03_hongze_2024.pdf|TEXT-NUMBER|received|受理政府信息公开申请17件': { confirmed: true, why: HONGZE_17 },
  'published/03_hongze_2024.pdf|FORMAT-VERSION|mixed-other': { confirmed: true, why: SINGLE_OTHER },
  'published/03_hongze_2024.txt ← 02_hongze_2023.txt|X-REUSED-TEXT|p:1y369vq': { confirmed: true, why: HONGZE_REUSED },
  'published/03_hongze_2024.pdf ← 02_hongze_2023.pdf|X-REUSED-TEXT|p:1y369vq': { confirmed: true, why: HONGZE_REUSED },
};
