import type { Session, WebContents } from 'electron';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  isAppUrl,
  isSafeExternalUrl,
} from '../../../electron/main/app-url';
import { rendererResponse, resolveRendererFile } from '../../../electron/main/app-protocol';
import { applySessionPolicy, hardenWebContents } from '../../../electron/main/security';
import { FakeWebContents, createFakeSession, fakeEvent, asElectron } from './fake-electron';

describe('URL rules', () => {
  it('only http(s) links without credentials go to the system browser', () => {
    for (const ok of ['https://www.gov.cn/zhengce/', 'http://example.org/a?b=c#d'])
      expect(isSafeExternalUrl(ok), ok).toBe(true);
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pass@evil.example/',
      'https://',
      'not a url',
      `https://x.example/${'a'.repeat(2100)}`,
      42,
      undefined,
    ]) {
      expect(isSafeExternalUrl(bad), String(bad).slice(0, 40)).toBe(false);
    }
  });

  it('app pages are app://nianbao only', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://nianbao/assets/x.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('https://nianbao/')).toBe(false);
  });

  it('no request leaves the machine', () => {
    for (const ok of [
      'app://nianbao/index.html',
      'devtools://devtools/bundled/x.html',
      'data:image/png;base64,AA',
      'blob:app://nianbao/uuid',
    ]) {
      expect(isAllowedRequestUrl(ok), ok).toBe(true);
    }
    for (const bad of [
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'wss://x.example/',
      'ftp://x.example/',
      'file:///etc/passwd',
      'app://elsewhere/index.html',
      'garbage',
    ]) {
      expect(isAllowedRequestUrl(bad), bad).toBe(false);
    }
  });

  it('the CSP allows nothing remote and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    const script = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(script).not.toContain('unsafe-inline');
    expect(script).not.toContain("'unsafe-eval'");
  });
});

describe('webContents hardening', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(asElectron<WebContents>(contents), { openExternal: (u) => opened.push(u) });
    return { contents, opened };
  };

  it('denies navigation away from the app; web links open in the system browser', () => {
    const { contents, opened } = setup();
    const inApp = fakeEvent();
    contents.emit('will-navigate', inApp, 'app://nianbao/index.html#/report/1');
    expect(inApp.defaultPrevented).toBe(false);
    for (const url of ['https://www.gov.cn/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const e = fakeEvent();
      contents.emit('will-navigate', e, url);
      expect(e.defaultPrevented, url).toBe(true);
    }
    expect(opened).toEqual(['https://www.gov.cn/']);
  });

  it('denies redirects and frame navigations out of the app', () => {
    const { contents, opened } = setup();
    const r = fakeEvent();
    contents.emit('will-redirect', r, 'https://evil.example/');
    expect(r.defaultPrevented).toBe(true);
    const f = fakeEvent({ url: 'https://evil.example/frame' });
    contents.emit('will-frame-navigate', f);
    expect(f.defaultPrevented).toBe(true);
    const ok = fakeEvent({ url: 'app://nianbao/index.html' });
    contents.emit('will-frame-navigate', ok);
    expect(ok.defaultPrevented).toBe(false);
    expect(opened).toEqual([]);
  });

  it('window.open is always denied; only http(s) goes to the browser', () => {
    const { contents, opened } = setup();
    for (const url of [
      'https://www.gov.cn/',
      'file:///C:/Windows/system32/calc.exe',
      'app://nianbao/index.html',
      'smb://x/y',
    ]) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.gov.cn/']);
  });

  it('refuses <webview> and strips its preload', () => {
    const { contents } = setup();
    const e = fakeEvent();
    const prefs: Record<string, unknown> = { preload: '/evil.js', nodeIntegration: true };
    contents.emit('will-attach-webview', e, prefs);
    expect(e.defaultPrevented).toBe(true);
    expect(prefs.preload).toBeUndefined();
    expect(prefs.nodeIntegration).toBe(false);
  });
});

describe('session policy', () => {
  it('denies every permission, blocks remote requests, disables the spell-check download, adds the CSP', () => {
    const session = createFakeSession();
    applySessionPolicy(asElectron<Session>(session));
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      session.permissionRequestHandler!({}, permission, (ok) => (answer = ok));
      expect(answer, permission).toBe(false);
    }
    expect(session.permissionCheckHandler!({}, 'clipboard-sanitized-write')).toBe(false);
    expect(session.deviceHandler!({})).toBe(false);
    expect(session.spellcheck).toBe(false);

    const decide = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://nianbao/assets/index.js')).toBe(false);
    expect(decide('https://cdn.example/font.woff2')).toBe(true);
    expect(decide('http://localhost:5173/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);

    let headers: Record<string, unknown> = {};
    session.headersReceived!({ url: 'app://nianbao/index.html', responseHeaders: {} }, (r) => (headers = r));
    expect(headers.responseHeaders).toMatchObject({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>年报</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'nianbao-secret.txt'), 'secret');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', 'nianbao-secret.txt'), { force: true });
  });

  it('maps app URLs into the renderer folder and nowhere else', () => {
    expect(resolveRendererFile(dir, 'app://nianbao/')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://nianbao/report/12')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://nianbao/assets/app.js?v=1')).toBe(join(dir, 'assets', 'app.js'));
    for (const bad of [
      'app://nianbao/../nianbao-secret.txt',
      'app://nianbao/%2e%2e/nianbao-secret.txt',
      'app://nianbao/assets/%2e%2e%2f%2e%2e%2fnianbao-secret.txt',
      'app://nianbao/..%5cnianbao-secret.txt',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const file = resolveRendererFile(dir, bad);
      expect(file === null || file.startsWith(dir + '/'), bad).toBe(true);
      expect(file, bad).not.toBe(join(dir, '..', 'nianbao-secret.txt'));
    }
  });

  it('serves files with their type and the CSP; anything else is 404', async () => {
    const ok = await rendererResponse(dir, 'app://nianbao/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toContain('年报');
    const js = await rendererResponse(dir, 'app://nianbao/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    for (const bad of [
      'app://nianbao/%2e%2e/nianbao-secret.txt',
      'app://nianbao/../nianbao-secret.txt',
      'app://nianbao/..%2fnianbao-secret.txt',
    ]) {
      expect((await rendererResponse(dir, bad)).status, bad).toBe(404);
    }
    expect((await rendererResponse(dir, 'app://nianbao/assets/missing.js')).status).toBe(404);
  });
});
