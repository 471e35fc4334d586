import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertPdf, PdfPrintError, type PdfPrinter } from './pdf-printer';

/**
 * PDF printing with a headless Chromium-family browser installed on the machine (browser mode
 * and the CLI): Chromium, Google Chrome, or Microsoft Edge, which every Windows 10/11 has.
 */

const NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge',
  'chrome',
];

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((x): x is string =>
    Boolean(x),
  );
  return roots.flatMap((root) => [
    join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(root, 'Chromium', 'Application', 'chrome.exe'),
  ]);
}

const executable = (path: string): boolean => {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser to print with: $NIANBAO_CHROMIUM, /usr/bin/chromium, then the usual names on PATH,
 * then the usual Windows and macOS install places. null when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  fixedPlaces?: string[],
): string | null {
  const explicit = env['NIANBAO_CHROMIUM'];
  if (explicit && existsSync(explicit)) return explicit;
  const fixed =
    fixedPlaces ??
    (platform === 'win32'
      ? windowsCandidates(env)
      : platform === 'darwin'
        ? [
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
            '/Applications/Chromium.app/Contents/MacOS/Chromium',
          ]
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium']);
  if (platform === 'linux' && fixed[0] && executable(fixed[0])) return fixed[0];
  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const name of NAMES) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = join(dir, name + ext);
        if (existsSync(candidate) && (platform === 'win32' || executable(candidate))) return candidate;
      }
    }
  }
  return fixed.find((p) => existsSync(p)) ?? null;
}

export const NO_BROWSER_MESSAGE =
  '找不到可用于生成 PDF 的浏览器（Chromium、Google Chrome 或 Microsoft Edge）。请安装其中之一后重试，' +
  '或设置环境变量 NIANBAO_CHROMIUM 指向浏览器程序；也可以导出 .docx 后在 WPS/Word 中另存为 PDF。';

export interface ChromiumPrinterOptions {
  /** Browser executable; found with `findChromium` when absent. */
  executablePath?: string;
  /** How to find the browser when no path is given (tests pass a finder that finds none). */
  find?: () => string | null;
  /** Give up after this long (default 60 s: the first start of a browser can be slow). */
  timeoutMs?: number;
  /** Extra environment for the browser (e.g. FONTCONFIG_FILE). */
  env?: NodeJS.ProcessEnv;
}

export class ChromiumPdfPrinter implements PdfPrinter {
  readonly name: string;
  private readonly exe: string;
  private readonly timeoutMs: number;
  private readonly env: NodeJS.ProcessEnv;

  /** Throws PdfPrintError('no-browser') with a Chinese message when no browser is found. */
  constructor(options: ChromiumPrinterOptions = {}) {
    const exe = options.executablePath ?? (options.find ?? findChromium)();
    if (!exe) throw new PdfPrintError(NO_BROWSER_MESSAGE, 'no-browser');
    this.exe = exe;
    this.name = exe;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.env = options.env ?? {};
  }

  async printHtml(html: string): Promise<Uint8Array> {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
    try {
      const page = join(dir, 'report.html');
      const out = join(dir, 'report.pdf');
      await writeFile(page, html, 'utf8');
      const args = [
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-extensions',
        '--disable-sync',
        '--mute-audio',
        // (Scripts are not switched off: --blink-settings=scriptEnabled=false stops --print-to-pdf
        // from writing anything. The page is ours and has no scripts.)
        '--no-pdf-header-footer',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ];
      // Chromium refuses to start as root without this (containers, some kiosk setups).
      if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
      await this.run(args);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(out));
      } catch {
        throw new PdfPrintError(
          `浏览器（${this.exe}）没有生成 PDF 文件。请确认浏览器可以正常启动后重试；也可以导出 .docx 后在 WPS/Word 中另存为 PDF。`,
        );
      }
      return assertPdf(bytes, `浏览器（${this.exe}）`);
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private run(args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.exe, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, ...this.env },
        windowsHide: true,
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        if (stderr.length < 8000) stderr += d.toString();
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new PdfPrintError(
            `生成 PDF 超时（${Math.round(this.timeoutMs / 1000)} 秒）。请关闭其他程序后重试。`,
            'timeout',
          ),
        );
      }, this.timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new PdfPrintError(`无法启动浏览器（${this.exe}）：${e.message}。${NO_BROWSER_MESSAGE}`, 'no-browser'));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else {
          const last = stderr.trim().split('\n').slice(-3).join(' ');
          reject(
            new PdfPrintError(
              `浏览器生成 PDF 失败（退出码 ${code}）${last ? `：${last}` : ''}。请重试；也可以导出 .docx 后在 WPS/Word 中另存为 PDF。`,
            ),
          );
        }
      });
    });
  }
}
