// antd's styles for the library's first screen, made at build time (a vite plugin, build only).
//
// antd generates each component's CSS in the page the first time the component renders (its
// CSS-in-JS): for the library's first screen that was about a tenth of the page's main-thread work
// before the list shows. Here the same components are rendered once in Node (react-dom/server) with
// the app's theme, and @ant-design/cssinjs's extractStyle writes their CSS and its cache-path map
// (`.data-ant-cssinjs-cache-path`) into one stylesheet linked before the app's own CSS. In the page,
// antd finds those paths in the map and skips generating them (antd's documented “whole export”
// with the CSS-file hydration of @ant-design/cssinjs); any component or theme not in the file is
// generated at runtime as before, so the file is only ever a head start. The hash must be the
// production one (NODE_ENV=production, as `vite build` sets it): otherwise nothing is written.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { theme } from '../renderer/src/app/theme';

const require = createRequire(import.meta.url);

/** The stylesheet's name in dist/renderer (content-hashed, as vite names assets). */
let fileName = '';

function extract(): string {
  const React = require('react') as typeof import('react');
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const { createCache, extractStyle, StyleProvider } =
    require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
  const antd = require('antd') as typeof import('antd');
  const zhCN = (require('antd/locale/zh_CN') as { default: import('antd/es/locale').Locale }).default;
  const h = React.createElement;
  const { Alert, App, Button, ConfigProvider, Input, Result, Space, Spin, Tag, Tooltip } = antd;
  const cache = createCache();
  // What the library draws first with antd (LibraryScreen, LibraryToolbar, CheckCounts, the lazy
  // tooltips, 正在读取年报库…, a damaged report's alert, the load error), under Root's providers.
  renderToString(
    h(
      StyleProvider,
      { cache },
      h(
        ConfigProvider,
        { locale: zhCN, theme, button: { autoInsertSpace: false } },
        h(
          App,
          null,
          h(Space, { wrap: true, size: 8 }, h(Button, { type: 'primary' }, 'a'), h(Button, null, 'b')),
          h(Input, { allowClear: true, prefix: h('span'), 'aria-label': 'a' }),
          h(Tag, { color: 'success', variant: 'outlined' }, 'a'),
          h(Tag, { color: 'purple' }, 'a'),
          h(Tooltip, { title: 'a' }, h('span')),
          h(Spin, { description: 'a' }),
          h(Alert, { type: 'error', showIcon: true, title: 'a' }),
          h(Result, { status: 'warning', title: 'a' }),
        ),
      ),
    ),
  );
  return extractStyle(cache, { plain: true, types: ['style'] });
}

export function antdStaticCss(): Plugin {
  return {
    name: 'nianbao-antd-static-css',
    apply: 'build',
    buildStart() {
      fileName = '';
      const css = extract();
      if (css.includes('css-dev-only-do-not-override')) {
        this.warn('antd-static-css: not a production build (NODE_ENV), antd styles stay generated at runtime');
        return;
      }
      fileName = `assets/antd-${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!fileName) return html;
        // Before the app's script and CSS: the app's rules win over antd's of equal weight, as when
        // antd put its generated styles first in <head>.
        const at = html.indexOf('<script type="module"');
        if (at < 0) throw new Error('antd-static-css: index.html has no module script');
        return `${html.slice(0, at)}<link rel="stylesheet" href="./${fileName}">\n    ${html.slice(at)}`;
      },
    },
  };
}
