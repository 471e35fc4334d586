import { promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { SECURITY_HEADERS, refuse } from './security';
import { mimeTypeOf } from '../services/mime-types';

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报编制助手</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.7">
<h1>界面尚未构建</h1>
<p>本地服务已经启动，但找不到界面文件（dist/renderer/index.html）。请在项目文件夹中运行 <code>npm start</code>（会自动构建界面），或运行 <code>npx vite build</code> 后刷新本页。</p>
</body></html>
`;

/**
 * Serves the built renderer. Paths are decoded from the raw request line (the URL parser would
 * quietly resolve `..`), refused when they contain `..`, a backslash, a NUL or a dotfile, and the
 * resolved real path must stay inside the folder (symlinks included). Unknown paths without an
 * extension get index.html (the app's own routes); unknown files are 404.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  root: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return refuse(res, 405, '不支持的请求方法。', { Allow: 'GET, HEAD' });
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse(res, 400, '地址格式不正确。');
  }
  if (path.includes('\0') || path.includes('\\') || !path.startsWith('/')) return refuse(res, 400, '地址格式不正确。');
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) return refuse(res, 403, '拒绝访问。');
  if (segments.some((s) => s.startsWith('.'))) return refuse(res, 404, '找不到该文件。');

  let realRoot: string;
  try {
    realRoot = await fsp.realpath(root);
  } catch {
    return sendHtml(req, res, 503, NOT_BUILT);
  }
  const wanted = segments.length ? resolve(realRoot, ...segments) : join(realRoot, 'index.html');
  const file = await realFileInside(wanted, realRoot);
  if (file === 'outside') return refuse(res, 403, '拒绝访问。');
  if (file) return sendFile(req, res, file);
  if (extname(path) !== '') return refuse(res, 404, '找不到该文件。');
  const index = await realFileInside(join(realRoot, 'index.html'), realRoot);
  if (typeof index === 'string' && index !== 'outside') return sendFile(req, res, index);
  return sendHtml(req, res, 503, NOT_BUILT);
}

async function realFileInside(candidate: string, realRoot: string): Promise<string | null | 'outside'> {
  let real: string;
  try {
    real = await fsp.realpath(candidate);
  } catch {
    return null;
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return 'outside';
  try {
    const st = await fsp.stat(real);
    if (st.isFile()) return real;
    if (st.isDirectory()) return realFileInside(join(real, 'index.html'), realRoot);
  } catch {
    // gone meanwhile
  }
  return null;
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  let body: Buffer;
  try {
    body = await fsp.readFile(file);
  } catch {
    return refuse(res, 404, '找不到该文件。');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeOf(file),
    'Content-Length': String(body.length),
    // Local and small: always revalidate, so a rebuilt renderer is picked up on reload.
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string): void {
  const body = Buffer.from(html);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
