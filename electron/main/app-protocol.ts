import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep, isAbsolute } from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-url';
import { mimeTypeOf } from '../services/mime-types';

/**
 * Must run before the app is ready: app:// behaves like https (standard URLs, secure context,
 * fetch). corsEnabled: Vite emits `<script type="module" crossorigin>`, fetched in CORS mode.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * Maps an app:// URL to a file under the renderer folder, or null when it points elsewhere
 * (another host, `..` tricks, encoded separators). Paths without an extension get index.html,
 * so a client-side route survives a reload.
 */
export function resolveRendererFile(rendererDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '' || extname(path) === '') path = '/index.html';
  const file = normalize(join(rendererDir, path));
  const rel = relative(rendererDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

export async function rendererResponse(rendererDir: string, url: string): Promise<Response> {
  const file = resolveRendererFile(rendererDir, url);
  if (!file) return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(mimeTypeOf(file)) });
  } catch {
    return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  }
}

/** Serves the built renderer (dist/renderer) on app://nianbao/ in the given session. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}
