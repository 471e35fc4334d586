import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The page may load only its own scripts and styles (Ant Design injects <style> elements, hence
 * 'unsafe-inline' for styles only), talk only to its own origin, and cannot be framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

export const TOKEN_HEADER = 'x-nianbao-token';

/** 32 random bytes, base64url: the per-start secret. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Compares without leaking, through timing, how much of a guess was right (hashing equalises lengths). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * DNS rebinding: a web page of evil.example that re-points its name to 127.0.0.1 still sends
 * `Host: evil.example:<port>`; only the loopback names are accepted. Cross-site requests carry an
 * Origin (or Sec-Fetch-Site: cross-site) that is not ours.
 */
export function checkRequestOrigin(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
    return '拒绝访问：地址不正确。请使用启动时显示的地址（http://127.0.0.1:端口/）打开。';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return '拒绝访问：请求来自其他网站。';
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return '拒绝访问：请求来自其他网站。';
  return null;
}

export function refuse(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(`${text}\n`);
}
