import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/index';
import { sampleReport } from '../../../shared/sample/sample-report';
import { batchFolder } from './batch-folder';
import { hostileCorpus, type HostileFile } from './hostile-files';

/**
 * `nianbao batch` over a folder of hostile files among real reports (issue 14 item 1): each file
 * is read in an import worker under the same limits as an import in the app, a hostile one is
 * reported as refused (无法读取, with its reader's message), the real reports are checked as usual,
 * and the summary page and table are always written — also when a file runs past its time.
 */

let corpus: HostileFile[];
const PDF = '/work/shared/samples/published/03_hongze_2024.pdf';

const folder = batchFolder('nianbao-batch-hostile-', (dir) => {
  corpus = hostileCorpus();
  for (const f of corpus) writeFileSync(join(dir, f.name), f.bytes);
  writeFileSync(join(dir, 'good.html'), buildHtml(sampleReport(), { standalone: true }));
  writeFileSync(join(dir, 'published.pdf'), readFileSync(PDF));
});
const { batch } = folder;

describe('nianbao batch with hostile files', () => {
  it('refuses each by its reader’s limit, checks the real reports, and writes both summaries', async () => {
    const names = [...corpus.map((f) => f.name), 'good.html', 'published.pdf'];
    const run = await batch([...names, '--jobs', '2', '--html', 'summary.html', '--csv', 'summary.csv']);
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n');
    for (const f of corpus) {
      const line = lines.find((l) => l.includes(`${f.name}：`)) ?? '';
      expect(line, f.name).toMatch(new RegExp(`^无法读取  ${f.name.replace('.', '\\.')}：`));
      expect(line, f.name).toMatch(f.expect);
      expect(line, f.name).not.toMatch(/用时超过|内存超过/);
    }
    expect(lines.find((l) => l.endsWith('good.html'))).toMatch(/^通过 +云溪县市场监督管理局 +2024年度/);
    expect(lines.find((l) => l.endsWith('published.pdf'))).toMatch(/^(通过|警告|错误) +.+ +2024年度/);
    expect(lines.at(-1)).toMatch(new RegExp(`^共 ${names.length} 份：.*无法读取 ${corpus.length} 份`));

    const html = readFileSync(join(folder.dir, 'summary.html'), 'utf8');
    for (const f of corpus) expect(html, f.name).toContain(f.name);
    expect(html.match(/class="tag unreadable"/g)?.length ?? 0).toBeGreaterThanOrEqual(corpus.length);
    const csv = readFileSync(join(folder.dir, 'summary.csv'), 'utf8').slice(1).trim().split('\r\n');
    expect(csv).toHaveLength(names.length + 1);
    for (const f of corpus) expect(csv.find((row) => row.includes(f.name)) ?? '', f.name).toContain('无法读取');
  });

  it('a file past the per-file time limit is stopped and refused; the next is read; the summary is written', async () => {
    process.env.NIANBAO_IMPORT_TIMEOUT_MS = '300';
    const run = await batch(['many-elements.html', 'good.html', '--jobs', '1', '--html', 'slow.html']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      '无法读取  many-elements.html：读取用时超过 0.3 秒，已停止。这个文件可能异常（例如嵌套层次极深、内容被压缩得极大，或已损坏）。',
    );
    // The next file is read by a fresh worker (on a busy machine it may run past 0.3 s too).
    expect(run.stdout).toMatch(/^(通过 +云溪县市场监督管理局 +2024年度.*|无法读取 {2})good\.html/m);
    const html = readFileSync(join(folder.dir, 'slow.html'), 'utf8');
    expect(html).toContain('读取用时超过 0.3 秒');
    expect(html).toContain('good.html');
  });
});
