// Bundled by test/unit/cli/pdfjs-bundle.test.ts like the CLI: prints, as JSON, the text pdf.js gives
// for each PDF named on the command line (the same extractor the importers use), or its error.
import { readFileSync } from 'node:fs';
import { nodePdfjsExtractor } from '../../../../electron/services/import/node-import';

const out: unknown[] = [];
for (const file of process.argv.slice(2)) {
  try {
    out.push(await nodePdfjsExtractor()(new Uint8Array(readFileSync(file))));
  } catch (e) {
    out.push({ error: e instanceof Error ? e.message : String(e) });
  }
}
process.stdout.write(JSON.stringify(out));
