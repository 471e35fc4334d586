import type { Library } from '../../../shared/service/api';

declare global {
  interface Window {
    /** Set by public/early-listing.js: the server's reply to listReports, or null. */
    nianbaoEarlyListing?: Promise<unknown>;
    /** Set by public/early-listing.js once that reply has arrived (and been read). */
    nianbaoEarlyListingBody?: unknown;
  }
}

const isList = (v: unknown) => Array.isArray(v);

/** The library in the service's reply, when the reply came whole and succeeded. */
function libraryOf(body: unknown): Library | null {
  const reply = body as { ok?: unknown; result?: Partial<Library> } | null;
  const lib = reply?.ok === true ? reply.result : undefined;
  return lib && isList(lib.reports) && isList(lib.damaged) && isList(lib.trash) ? (lib as Library) : null;
}

/**
 * The list the page's first script asked for (public/early-listing.js), once: null when it was not
 * asked, or did not arrive whole (the caller then asks the service as usual, which reports the
 * error as any call does).
 */
export function takeEarlyListing(): Promise<Library | null> | null {
  const pending = window.nianbaoEarlyListing;
  if (!pending) return null;
  window.nianbaoEarlyListing = undefined;
  window.nianbaoEarlyListingBody = undefined;
  return pending.then(libraryOf);
}

/**
 * That list if it has already arrived (and was not taken yet), without taking it: the library's
 * first drawing can then be the list rather than “正在读取…” followed by the list a moment later.
 */
export function arrivedEarlyListing(): Library | null {
  return window.nianbaoEarlyListing ? libraryOf(window.nianbaoEarlyListingBody) : null;
}
