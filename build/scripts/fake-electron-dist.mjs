// A stand-in for Electron's Linux x64 distribution (the unpacked electron-v<version>-linux-x64.zip),
// so `electron-builder --dir` can run where the real Electron cannot be downloaded. It has the
// files of the real zip, as small placeholders; the executable only says that it is a stand-in.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FAKE_EXECUTABLE_TEXT =
  '#!/bin/sh\necho "stand-in Electron from npm run dist:check: not runnable" >&2\nexit 1\n';

const FILES = [
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
  'LICENSES.chromium.html',
  'locales/en-US.pak',
  'locales/zh-CN.pak',
  'locales/de.pak',
];

/** Creates the stand-in under `dir` (emptied first) and returns `dir`. */
export function makeFakeElectronDist(dir, version) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  for (const f of FILES) writeFileSync(join(dir, f), `stand-in ${f}\n`);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(
    join(dir, 'LICENSE'),
    'Copyright (c) Electron contributors\nCopyright (c) 2013-2020 GitHub Inc.\n(MIT licence; stand-in copy)\n',
  );
  for (const exe of ['electron', 'chrome-sandbox', 'chrome_crashpad_handler']) {
    writeFileSync(join(dir, exe), FAKE_EXECUTABLE_TEXT);
    chmodSync(join(dir, exe), 0o755);
  }
  return dir;
}
