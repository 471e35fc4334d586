import type { App, Session, WebContents } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isAllowedRequestUrl, isAppUrl, isSafeExternalUrl } from './app-url';
import type { Logger } from './logger';

export interface HardeningDeps {
  /** Opens a vetted http(s) URL in the system browser. */
  openExternal(url: string): void;
  logger?: Logger;
}

/**
 * Locks down one webContents: it may only ever show app:// pages. A link to a web page is
 * handed to the system browser instead (only http/https, checked by isSafeExternalUrl);
 * anything else (file:, javascript:, custom schemes, new windows, <webview>) is refused.
 */
export function hardenWebContents(contents: WebContents, deps: HardeningDeps): void {
  const refuse = (kind: string, url: string) => deps.logger?.warn(`已阻止${kind}：${url.slice(0, 300)}`);

  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) deps.openExternal(url);
    else refuse('导航', url);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    refuse('重定向', url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('框架导航', event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) deps.openExternal(url);
    else refuse('新窗口', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event, webPreferences) => {
    // The app has no <webview>; strip and refuse one that appears anyway.
    delete webPreferences.preload;
    webPreferences.nodeIntegration = false;
    webPreferences.contextIsolation = true;
    event.preventDefault();
    refuse('webview', '');
  });
}

/** Applies hardenWebContents to every webContents the app ever creates. */
export function hardenAllWebContents(app: App, deps: HardeningDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}

/**
 * The session policy: no permission is ever granted (camera, notifications, geolocation, …),
 * no request leaves the machine, no spell-check dictionary download, and every app:// response
 * carries the CSP.
 */
export function applySessionPolicy(session: Session, logger?: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger?.warn(`已拒绝权限请求：${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  if (typeof session.setDevicePermissionHandler === 'function') session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) logger?.warn(`已阻止网络请求：${details.url.slice(0, 300)}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith(`${APP_SCHEME}:`)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
