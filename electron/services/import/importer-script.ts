// The importers but the fast PDF reader, as the CLI loads them: from a CommonJS script of their own
// with V8's code cache (dist/cli/importer-<hash>.cjs, build/scripts/cli-code-cache.mjs; loaded by
// node-import.ts), so that the functions a PDF import runs after the reader — layout, tables,
// headings, sections — come compiled from the cache instead of being parsed and compiled on their
// first calls. Neither the fast reader (a script of its own, loaded with the first PDF) nor pdf.js
// is in it: node-import.ts passes both in as the PDF text extractor.
export { importReport } from '../../../shared/import/index';
