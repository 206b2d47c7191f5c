// Match patterns, in plain functions (no zod), so content scripts can use them cheaply.
/** The site entry whose patterns match `url`, if any. */
export function siteForUrl<S extends { matches: readonly string[] }>(
  rules: { sites: readonly S[] },
  url: string,
): S | undefined {
  return rules.sites.find((site) => site.matches.some((pattern) => matchesPattern(pattern, url)));
}

/** Does a WebExtension match pattern match a URL? Ports are ignored, as browsers do. */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):/.test(url);
  const m = /^(\*|[a-z]+):\/\/([^/]*)(\/.*)$/i.exec(pattern);
  if (!m) return false;
  const [, scheme = '', host = '', path = ''] = m;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const proto = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? proto !== 'http' && proto !== 'https' : proto !== scheme.toLowerCase()) {
    return false;
  }
  const hostname = parsed.hostname.toLowerCase();
  const h = host.toLowerCase();
  const hostOk =
    h === '*' ||
    hostname === h ||
    (h.startsWith('*.') && (hostname === h.slice(2) || hostname.endsWith(h.slice(1))));
  if (!hostOk) return false;
  return globToRegExp(path).test(parsed.pathname + parsed.search);
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
