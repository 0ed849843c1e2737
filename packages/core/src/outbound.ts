import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * Where Netra may send requests that carry a URL someone typed (an agency's webhook). Only
 * public unicast addresses, unless an operator lists an address or range in the allow-list
 * (an agency webhook on the government network, the demo's local simulator). Loopback,
 * private, link-local (the cloud metadata service at 169.254.169.254), CGNAT, multicast and
 * the unspecified address are refused — both when the URL is entered and, because a name can
 * resolve to anything later (DNS rebinding), when the connection is made.
 */
export interface OutboundPolicy {
  /** IP addresses and CIDR ranges allowed although they are not public. */
  allowed: readonly string[];
}

export const PUBLIC_ONLY: OutboundPolicy = { allowed: [] };

/** Parses OUTBOUND_ALLOWED_ADDRESSES: comma-separated IPs and CIDRs; null for a bad entry. */
export function parseAllowList(raw: string): string[] | null {
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.every((entry) => isIP(entry) !== 0 || isCidr(entry)) ? entries : null;
}

/**
 * Why this URL may not be a destination, in Bahasa Indonesia, or null when it may. Checked at
 * input time; a name is accepted here and its addresses are checked when connecting.
 */
export function outboundUrlProblem(value: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'bukan URL yang sah';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'harus URL http(s)';
  if (url.username !== '' || url.password !== '') return 'tidak boleh memuat nama pengguna atau kata sandi';
  // WHATWG parsing has already turned 0x7f000001, 2130706433 and 127.1 into 127.0.0.1.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const address = host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : host;
  if (isIP(address) === 0) return null;
  return addressAllowed(address, policy) ? null : `alamat ${host} adalah alamat internal (bukan alamat publik) dan tidak ada dalam OUTBOUND_ALLOWED_ADDRESSES`;
}

/** http(s) agents that refuse, at connect time, any address the policy does not allow. */
export function outboundAgents(policy: OutboundPolicy): { httpAgent: RequestFilteringHttpAgent; httpsAgent: RequestFilteringHttpsAgent } {
  const options = { allowIPAddressList: [...policy.allowed], keepAlive: true };
  return { httpAgent: new RequestFilteringHttpAgent(options), httpsAgent: new RequestFilteringHttpsAgent(options) };
}

/** Whether a resolved IP address may be connected to under the policy. */
export function addressAllowed(address: string, policy: OutboundPolicy): boolean {
  const parsed = ipaddr.process(address);
  const listed = policy.allowed.some((entry) =>
    isIP(entry) !== 0 ? ipaddr.process(entry).toString() === parsed.toString() : matchesCidr(parsed, entry),
  );
  return listed || parsed.range() === 'unicast';
}

function matchesCidr(address: ipaddr.IPv4 | ipaddr.IPv6, cidr: string): boolean {
  const [range, bits] = ipaddr.parseCIDR(cidr);
  return address.kind() === range.kind() && address.match([range, bits] as never);
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}
