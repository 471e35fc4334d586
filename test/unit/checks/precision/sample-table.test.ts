import { describe, expect, it } from 'vitest';
import { documentedTable, markdown, sampleFindings, samplesPresent } from './sample-table';
import { VERDICTS } from './sample-verdicts';

/**
 * The precision table of docs/checks.md is what the checks give on ../shared/samples today, and every
 * error and warning in it is one a careful reader of the published report confirms.
 */
describe.skipIf(!samplesPresent())('precision on the published samples (docs/checks.md)', () => {
  it('every error and warning has a reader’s verdict, all confirmed, and the documented table is current', async () => {
    const { rows, files } = await sampleFindings();
    const keys = rows.map((r) => r.key);
    expect(
      keys.filter((k) => !VERDICTS[k]),
      'findings without a verdict (read the report, add one)',
    ).toEqual([]);
    expect(
      Object.keys(VERDICTS).filter((k) => !keys.includes(k)),
      'verdicts whose finding is gone (a finding that is no longer raised: remove or explain)',
    ).toEqual([]);
    expect(
      rows.filter((r) => !VERDICTS[r.key]!.confirmed).map((r) => `${r.key}: ${VERDICTS[r.key]!.why}`),
      'findings a careful reader would not confirm',
    ).toEqual([]);
    expect(documentedTable(), 'docs/checks.md: run npx tsx test/unit/checks/precision/sample-table.ts --write').toBe(
      markdown(rows, files),
    );
  }, 120_000);
});
