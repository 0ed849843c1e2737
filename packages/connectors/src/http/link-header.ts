/**
 * Parses an RFC 8288 Link header into rel → URL, e.g.
 * `<https://host/api/v1/...?max_id=1>; rel="next", <...>; rel="prev"`.
 */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1];
    if (!rel) continue;
    for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] ??= match[1]!;
  }
  return links;
}
