/**
 * The preview shows the standalone page of `buildHtml` inside a shadow root (isolated from the
 * app's CSS both ways, no frame, no CSP exception). A shadow root takes a style sheet and body
 * content, not a whole document: this splits the page into the two.
 */
export interface PageParts {
  /** The page's one <style> sheet (print rules included; they do nothing on screen). */
  css: string;
  /** What is inside <body>. */
  body: string;
}

export function splitStandaloneHtml(html: string): PageParts {
  const styles: string[] = [];
  const styleRe = /<style[^>]*>([\s\S]*?)<\/style>/gi;
  for (let m = styleRe.exec(html); m; m = styleRe.exec(html)) styles.push(m[1] ?? '');
  const open = /<body[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf('</body>');
  const body = open
    ? html.slice(open.index + open[0].length, close > open.index ? close : html.length)
    : html.replace(styleRe, '');
  return { css: styles.join('\n'), body: body.trim() };
}

/** Width of an A4 page at 96 dpi (210 mm), the page the preview draws. */
export const A4_WIDTH_PX = Math.round((210 / 25.4) * 96);

/** Scale that fits the page (plus its grey margin) into the space available; never enlarges. */
export function fitZoom(available: number, page = A4_WIDTH_PX, margin = 24): number {
  if (!(available > 0)) return 1;
  const z = available / (page + 2 * margin);
  return Math.max(0.4, Math.min(1, Math.floor(z * 100) / 100));
}
