// Vitest reporter used by run-tests.mjs: writes every skipped test with its reason to a JSON file
// (NIANBAO_SKIPS_JSON): the note of ctx.skip(note), else the skipReason meta of the test or of a
// suite around it (test/fixtures/skip.ts), else none.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const reasonOf = (test) => {
  const note = test.result().note;
  if (note) return note;
  for (let at = test; at && at.type !== 'module'; at = at.parent) {
    const reason = at.meta?.().skipReason;
    if (reason) return reason;
  }
  return null;
};

export default class SkipReporter {
  onTestRunEnd(modules) {
    const skips = [];
    for (const mod of modules)
      for (const test of mod.children.allTests())
        if (test.result().state === 'skipped')
          skips.push({ file: relative(process.cwd(), mod.moduleId), name: test.fullName, reason: reasonOf(test) });
    if (process.env.NIANBAO_SKIPS_JSON) writeFileSync(process.env.NIANBAO_SKIPS_JSON, JSON.stringify(skips, null, 2));
  }
}
