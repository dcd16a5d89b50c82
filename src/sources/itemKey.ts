// How an item is known again on the next run: its feed's GUID when it has one, else its URL,
// normalised so that the same page reached by another spelling is the same item.

/** Query parameters that track a click, not what the page is. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/** Scheme and host lower-cased, default port, fragment and tracking parameters dropped, a trailing '/' on a path dropped. */
export function normalizeUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return text.trim();
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/**
 * The keys an item is recorded under: `guid:` + its GUID and `url:` + its normalised URL, each
 * when it has one. An item is known when any of its keys is (the same page in two feeds, or a
 * feed that changed its GUIDs, is still the same page).
 */
export function itemKeys(item: { guid?: string; url?: string }): string[] {
  const keys: string[] = [];
  if (item.guid) keys.push(`guid:${item.guid}`);
  if (item.url) keys.push(`url:${normalizeUrl(item.url)}`);
  return keys;
}
