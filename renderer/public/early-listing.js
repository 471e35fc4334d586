// The first script of a visit in browser mode, a plain script run as soon as the page is read,
// while the app's own script is still arriving: it asks the loopback server for the library's
// list at once, so that the list is not asked for only after the app has started and drawn its
// first screen (renderer/src/api/early-listing.ts hands the answer to useLibrary: when it is
// already here as the app starts, the library's first drawing is the list itself). It imports
// nothing and is copied as is (vite's public folder). Only on the library's own addresses, and
// never in the desktop app (its preload answers there, window.nianbao).
(() => {
  const { protocol, hash } = window.location;
  if (window.nianbao || !/^https?:$/.test(protocol) || !/^(#\/?(new)?)?$/.test(hash)) return;
  window.nianbaoEarlyListing = fetch('/api/listReports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: '{"args":[]}',
    credentials: 'same-origin',
  })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((body) => {
      window.nianbaoEarlyListingBody = body;
      return body;
    });
})();
