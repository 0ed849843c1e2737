import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signatures on deliveries to agencies, in the style of Stripe's and GitHub's webhooks.
 *
 * Every delivery carries
 *   X-Netra-Timestamp: <unix seconds>
 *   X-Netra-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
 *   Idempotency-Key:   <uuid, the same on every retry of one case>
 *
 * How an agency verifies a delivery (this function does exactly that, for reuse or reference):
 *   1. Take the raw request body as received, before any JSON parsing or re-encoding.
 *   2. Recompute HMAC-SHA256 with the shared secret over `${timestamp}.${rawBody}` and hex-encode it.
 *   3. Compare it with the hex after "sha256=" using a constant-time comparison.
 *   4. Reject a timestamp more than 5 minutes from your clock, so a captured delivery cannot be
 *      replayed later; then store the Idempotency-Key and ignore a key you have already processed.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export function signNetraPayload(secret: string, timestamp: number | string, body: string | Buffer): string {
  return `sha256=${hmacHex(secret, timestamp, body)}`;
}

export function verifyNetraSignature(
  secret: string,
  timestamp: number | string | undefined,
  body: string | Buffer,
  signatureHeader: string | undefined,
  nowMs: number = Date.now(),
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/.exec(signatureHeader ?? '');
  const seconds = Number(timestamp);
  if (!match || !/^[0-9]{1,12}$/.test(String(timestamp)) || !Number.isSafeInteger(seconds)) return false;
  if (Math.abs(nowMs / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), Buffer.from(hmacHex(secret, seconds, body), 'hex'));
}

function hmacHex(secret: string, timestamp: number | string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}
