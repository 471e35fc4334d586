// Bundled by test/bench/pdf.bench.ts like the CLI (pdf.js trimmed, plain node): imports PDFs in this
// process (the importers themselves, no worker) and prints the time of each import as JSON.
//   pdf-timer.mjs <file>   one import (the first of the process: loading the PDF reader — its script
//                          with the code cache of the build, as the CLI's — and pdf.js included; the
//                          other importers, their script as the CLI's, load with node-import.ts below)
//   pdf-timer.mjs --serve  one import per path read from stdin, one JSON line each (warm, so that the
//                          bench can interleave them with pdftotext runs)
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { importBytes } from '../../../electron/services/import/node-import';

async function time(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await importBytes(bytes, file);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (res.kind !== 'pdf') throw new Error(`${file} was not read as a PDF`);
  return { file, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

if (process.argv[2] === '--serve') {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim()) process.stdout.write(`${JSON.stringify(await time(line.trim()))}\n`);
  }
} else {
  process.stdout.write(JSON.stringify(await time(process.argv[2]!)));
}
