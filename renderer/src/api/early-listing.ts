import type { Library } from '../../../shared/service/api';

declare global {
  interface Window {
    /** Set by public/early-listing.js: the server's reply to listReports, or null. */
    nianbaoEarlyListing?: Promise<unknown>;
  }
}

const isList = (v: unknown) => Array.isArray(v);

/**
 * The list the page's first script asked for (public/early-listing.js), once: null when it was not
 * asked, or did not arrive whole (the caller then asks the service as usual, which reports the
 * error as any call does).
 */
export function takeEarlyListing(): Promise<Library | null> | null {
  const pending = window.nianbaoEarlyListing;
  if (!pending) return null;
  window.nianbaoEarlyListing = undefined;
  return pending.then((body) => {
    const reply = body as { ok?: unknown; result?: Partial<Library> } | null;
    const lib = reply?.ok === true ? reply.result : undefined;
    return lib && isList(lib.reports) && isList(lib.damaged) && isList(lib.trash) ? (lib as Library) : null;
  });
}
