/**
 * The renderer is served from a custom `app://nianbao/` origin rather than file://:
 * - one fixed origin to check IPC senders and navigations against (file:// pages all share an
 *   opaque origin and could read any local file the user can);
 * - Vite's default absolute asset paths (`/assets/…`) work unchanged;
 * - the CSP travels as a real response header, and file:// requests can be blocked outright.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for pages of the app itself (`app://nianbao/...`). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/**
 * Links the clerk may open in the system browser: http(s) with a host, no user:password part
 * (a classic way to disguise where a link goes), at most 2,000 characters.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2000) return false;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return u.hostname !== '' && u.username === '' && u.password === '';
}

const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'chrome-devtools:', 'data:', 'blob:']);

/**
 * Whether a request of the app's session may proceed. Nothing leaves the machine: no http(s),
 * no ws(s), no ftp. file:// is blocked too, since everything the page needs comes from app://.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  return ALLOWED_REQUEST_SCHEMES.has(u.protocol);
}

/**
 * The content security policy of every app page. 'unsafe-inline' styles: Ant Design writes its
 * CSS-in-JS into <style> tags at run time. 'wasm-unsafe-eval': pdf.js decodes some images with
 * WebAssembly when importing a PDF. No remote origin anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
