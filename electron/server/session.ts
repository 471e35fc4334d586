import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { privateFd } from '../services/private-fs';

/**
 * How browser mode hands its secret to the window without putting it where another local user
 * can read it (a command line is visible to everyone in /proc, and so is an address printed into
 * a log). The launcher writes two files, readable only by this user, into the data folder (itself
 * only this user's):
 *
 *   browser-session.json  the session secret (the cookie's value) and the port, kept across starts
 *                         so that a window still open after a restart reconnects by itself
 *   open-app.html         a page holding a one-time code; the browser is started on this file's
 *                         path (no secret in it), the page posts the code to the server, which
 *                         answers with the HttpOnly, SameSite=Strict cookie. Each use of a code
 *                         writes a fresh one.
 *
 * See docs/storage-and-browser-mode.md (“Browser mode”).
 */

export const SESSION_FILE = 'browser-session.json';
export const OPEN_PAGE_FILE = 'open-app.html';

export const newSecret = (): string => randomBytes(32).toString('base64url');

export interface StoredSession {
  /** The secret of the last start (accepted once more after a restart, then replaced). */
  secret?: string;
  /** The port of the last start (tried first, so that an open window finds the server again). */
  port?: number;
}

export function readSession(dataDir: string): StoredSession {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, SESSION_FILE), 'utf8')) as Record<string, unknown>;
    const out: StoredSession = {};
    if (typeof raw.secret === 'string' && /^[A-Za-z0-9_-]{43}$/.test(raw.secret)) out.secret = raw.secret;
    if (typeof raw.port === 'number' && Number.isInteger(raw.port) && raw.port > 1023 && raw.port < 65536)
      out.port = raw.port;
    return out;
  } catch {
    return {};
  }
}

/**
 * Writes a file only this user can read (mode 600 from its creation, never wider) and puts it in
 * place atomically.
 */
export function writePrivateFile(path: string, text: string): void {
  // Named like the storage's temp files, so a crash's leftover is removed at the next start.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    privateFd(fd);
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw e;
  }
}

export function writeSession(dataDir: string, session: Required<StoredSession>): void {
  writePrivateFile(join(dataDir, SESSION_FILE), `${JSON.stringify(session)}\n`);
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page the browser is started on: posts its one-time code to the server, by itself. */
export function openPageHtml(origin: string, code: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>年报编制助手</title></head>
<body style="font: 16px sans-serif; margin: 3em;">
<form method="post" action="${escapeHtml(origin)}/session">
<input type="hidden" name="code" value="${escapeHtml(code)}">
<p>正在打开年报编制助手……</p>
<noscript><button type="submit">打开年报编制助手</button></noscript>
</form>
<script>document.forms[0].submit();</script>
</body></html>
`;
}

/** Writes open-app.html with a fresh code; returns its file: URL (safe to show or pass on a command line). */
export function writeOpenPage(dataDir: string, origin: string, code: string): string {
  const file = join(dataDir, OPEN_PAGE_FILE);
  writePrivateFile(file, openPageHtml(origin, code));
  return pathToFileURL(file).href;
}

export function removeOpenPage(dataDir: string): void {
  try {
    unlinkSync(join(dataDir, OPEN_PAGE_FILE));
  } catch {
    // not there
  }
}
