// Bundled by test/unit/cli/pdfjs-bundle.test.ts like the CLI: prints, as JSON, the text pdf.js gives
// for each PDF named on the command line (the same extractor the importers use).
import { readFileSync } from 'node:fs';
import { nodePdfExtractor } from '../../../../electron/services/import/node-import';

const out: unknown[] = [];
for (const file of process.argv.slice(2)) out.push(await nodePdfExtractor()(new Uint8Array(readFileSync(file))));
process.stdout.write(JSON.stringify(out));
