/**
 * 复制网站版: the fragment as HTML (website editors keep its tables and merges) plus plain text.
 * The async Clipboard API first; where it is refused (the desktop app grants no permissions) a
 * copy event during execCommand('copy') sets both flavours; when both fail the caller shows the
 * HTML in a box to copy by hand.
 */
export async function copyHtmlAndText(html: string, text: string): Promise<'clipboard' | 'copy-event' | false> {
  try {
    const Item = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
    if (Item && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new Item({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return 'clipboard';
    }
  } catch {
    // Refused or unavailable: try the copy event below.
  }
  let handled = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/html', html);
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    handled = true;
  };
  document.addEventListener('copy', onCopy, true);
  try {
    const ok = document.execCommand('copy');
    return ok && handled ? 'copy-event' : false;
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
}
