import ipaddr from 'ipaddr.js';

/**
 * Who is trying, for throttling: the client's address (as Fastify sees it, through the trusted
 * reverse proxy), IPv6 cut to its /64 — one home or phone network gets a whole /64, so counting
 * single IPv6 addresses would let one attacker rotate through billions of fresh "clients".
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(':')}::/64`;
}
