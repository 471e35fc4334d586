import { useEffect, useState } from 'react';
import { PAGE_IDS, type PageId } from '../logic/completeness';

/**
 * Hash routes (they work from file:// and app:// alike, and survive a reload):
 *   #/                          年报库
 *   #/new                       年报库，并打开“新建年报”
 *   #/import                    导入预览（所选文件，尚未保存）
 *   #/batch                     批量检查
 *   #/report/<id>[/<page>]      编辑器 (page: cover, overview … other, preview, compare = 与上年对比)
 *   #/aggregate/<id>            汇总下级单位（本级政府的年报）
 */

export type EditorPage = PageId | 'preview' | 'compare';

export type Route =
  | { screen: 'library'; create?: boolean }
  | { screen: 'editor'; id: string; page: EditorPage }
  | { screen: 'import' }
  | { screen: 'batch' }
  | { screen: 'aggregate'; id: string };

function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'report' && parts[1]) {
    const page = parts[2] as EditorPage | undefined;
    const valid = page && (page === 'preview' || page === 'compare' || (PAGE_IDS as readonly string[]).includes(page));
    return { screen: 'editor', id: parts[1], page: valid ? page : 'cover' };
  }
  if (parts[0] === 'import' || parts[0] === 'batch') return { screen: parts[0] };
  if (parts[0] === 'aggregate' && parts[1]) return { screen: 'aggregate', id: parts[1] };
  return parts[0] === 'new' ? { screen: 'library', create: true } : { screen: 'library' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'library') return route.create ? '#/new' : '#/';
  if (route.screen === 'import' || route.screen === 'batch') return `#/${route.screen}`;
  if (route.screen === 'aggregate') return `#/aggregate/${encodeURIComponent(route.id)}`;
  return `#/report/${encodeURIComponent(route.id)}/${route.page}`;
}

export function navigate(route: Route, replace = false): void {
  const hash = routeHash(route);
  if (window.location.hash === hash) return;
  if (replace) window.history.replaceState(null, '', hash);
  else window.location.hash = hash;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
