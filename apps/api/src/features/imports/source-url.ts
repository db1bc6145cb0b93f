/**
 * Imports from a URL (a factor set or a year's exchange rates published by their source)
 * fetch only from the hosts IMPORT_SOURCE_HOSTS lists: the server must never be pointed at
 * its own network by a mistyped or forged address.
 */

/** Whether `url` is http(s) on a listed host (`name`, or `name:port` for one port only). */
export function isAllowedSource(url: URL, hosts: readonly string[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  return hosts.includes(url.host.toLowerCase()) || hosts.includes(url.hostname.toLowerCase());
}

/** The name a fetched file is shown and downloaded under: the URL's last path segment. */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  let name = url.hostname;
  try {
    if (last) name = decodeURIComponent(last);
  } catch {
    name = last ?? name; // a malformed escape: the segment as written
  }
  return name.slice(0, 200);
}
