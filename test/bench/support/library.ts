import { createService } from '../../../electron/services/index';
import { newId } from '../../../shared/model/blank';
import { sampleReport } from '../../../shared/sample/sample-report';

const AGENCIES = [
  '云溪县市场监督管理局',
  '云溪县教育局',
  '云溪县人民政府',
  '云溪县卫生健康委员会',
  '云溪县交通运输局',
  '云溪县民政局',
  '云溪县财政局',
  '云溪县自然资源局',
];

/** A data folder holding `count` complete reports (the sample report under varied agencies and years). */
export async function fillLibrary(dir: string, count: number): Promise<void> {
  const service = createService({ dataDir: dir, mode: 'browser', indexDelayMs: 0 });
  for (let i = 0; i < count; i++) {
    const base = sampleReport();
    const agency = `${AGENCIES[i % AGENCIES.length]}（${Math.floor(i / AGENCIES.length) + 1}）`;
    const year = 2021 + (i % 4);
    await service.saveReport({
      ...base,
      year,
      agency: { ...base.agency, name: agency },
      title: `${agency}${year}年政府信息公开工作年度报告`,
      meta: { ...base.meta, id: newId() },
    });
  }
  await service.close();
}
