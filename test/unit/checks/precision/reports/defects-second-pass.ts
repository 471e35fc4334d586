/**
 * Known defects planted into the full reports of the second red-team pass (开发区, 市直部门 with 分局,
 * 公积金中心, 民族乡, 街道 with a three-character name): each must be found by its rule, in the editor and
 * as an imported report, and must be the only new finding of that rule.
 */
import type { Report } from '../../../../../shared/model/types';
import { withCells } from '../../../../fixtures/factory';
import { replaceText, type Defect } from './defects';

const text = (from: string, to: string) => (r: Report) => replaceText(r, from, to);

export const SECOND_PASS_DEFECTS: Defect[] = [
  // 开发区管委会: its own part of the zone-wide figure; another zone as the report's subject.
  {
    report: 'devZone',
    what: '管委会本级受理数与表不符',
    plant: text('其中管委会本级受理17件', '其中管委会本级受理21件'),
    rule: 'TEXT-NUMBER',
    names: '受理21件',
  },
  {
    report: 'devZone',
    what: '另一开发区作主体',
    plant: text('2024年，经开区党工委、管委会坚持', '2024年，江州高新区管委会坚持'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '江州高新区管委会',
  },
  // 市直部门 with 分局: the bureau's own figure beside the whole system's; another city's bureau as contact.
  {
    report: 'branchBureau',
    what: '局机关受理数与表不符',
    plant: text('其中局机关受理52件', '其中局机关受理50件'),
    rule: 'TEXT-NUMBER',
    names: '受理50件',
  },
  {
    report: 'branchBureau',
    what: '联系方式是另一城市的局',
    plant: text('请与江州市自然资源和规划局办公室联系', '请与云州市自然资源和规划局办公室联系'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '云州市自然资源和规划局办公室',
  },
  // 事业单位: another city's centre as subject; the figure of applications.
  {
    report: 'fundCentre',
    what: '另一城市的公积金中心作主体',
    plant: text('2024年，江州市住房公积金管理中心坚持', '2024年，云州市住房公积金管理中心坚持'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '云州市住房公积金管理中心',
  },
  {
    report: 'fundCentre',
    what: '收到申请数与表不符',
    plant: text('2024年共收到政府信息公开申请6件', '2024年共收到政府信息公开申请8件'),
    rule: 'TEXT-NUMBER',
    names: '8',
  },
  // 民族乡: another township in the contact line and in the column name (with its ethnic designation).
  {
    report: 'ethnicXiang',
    what: '联系方式是另一个乡',
    plant: text('请与大坪乡党政综合办公室联系', '请与石门乡党政综合办公室联系'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '石门乡党政综合办公室',
  },
  {
    report: 'ethnicXiang',
    what: '另一个民族乡的专栏',
    plant: text('门户网站大坪乡信息公开专栏', '门户网站石门彝族乡信息公开专栏'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '石门彝族乡',
  },
  {
    report: 'ethnicXiang',
    what: '去年的年份当作本年',
    plant: text('2024年共收到政府信息公开申请1件', '2023年共收到政府信息公开申请1件'),
    rule: 'TEXT-STALE-YEAR',
  },
  // 街道 (three-character name): another street sharing its last two characters; a claim against Table 4.
  {
    report: 'communityStreet',
    what: '另一街道的专栏（名称后两字相同）',
    plant: text('门户网站新华路街道信息公开专栏', '门户网站中华路街道信息公开专栏'),
    rule: 'TEXT-FOREIGN-AGENCY',
    names: '中华路街道',
  },
  {
    report: 'communityStreet',
    what: '称未发生复议而表四有',
    plant: (r) => withCells(r, { 't4.review.maintained': 1 }, true),
    rule: 'TEXT-CLAIM',
  },
  {
    report: 'communityStreet',
    what: '收到申请数与表不符',
    plant: text('街道共收到政府信息公开申请5件', '街道共收到政府信息公开申请7件'),
    rule: 'TEXT-NUMBER',
    names: '7',
  },
];
