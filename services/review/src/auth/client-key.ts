import { normalizeIP } from '@fastify/rate-limit';

/**
 * Who is asking, for the sign-in throttle and the rate limits alike: the client's address (as
 * Fastify sees it, through the trusted reverse proxy), IPv4-mapped IPv6 as IPv4, and IPv6 cut to
 * its /64 — one home or phone network gets a whole /64, so counting single IPv6 addresses would
 * let one attacker rotate through billions of fresh "clients".
 */
export function clientKey(ip: string): string {
  return normalizeIP(ip, 64);
}
