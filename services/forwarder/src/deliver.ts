import axios, { type AxiosInstance } from 'axios';
import { errorMessage, outboundAgents, type OutboundPolicy } from '@netra/core';
import { signNetraPayload } from './signature.js';

export interface DeliveryOutcome {
  delivered: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  url: string;
  body: string;
  idempotencyKey: string;
}

/**
 * Posts signed reports to agencies' webhooks; never throws, every outcome is a result to record.
 * A webhook whose name resolves to an address the policy refuses fails at connect time, before
 * any byte of the case leaves.
 */
export function createDeliverer(options: { signingSecret: string; timeoutMs: number; outbound: OutboundPolicy }) {
  const http: AxiosInstance = axios.create({
    timeout: options.timeoutMs,
    ...outboundAgents(options.outbound),
    // The environment's HTTP(S)_PROXY would connect on our behalf, past the address check.
    proxy: false,
    // A redirect would carry a signed case to an address nobody configured.
    maxRedirects: 0,
    // Send exactly the bytes that were signed.
    transformRequest: [(data: unknown) => data],
    responseType: 'text',
    maxContentLength: 64 * 1024,
    validateStatus: () => true,
  });

  return async function deliver({ url, body, idempotencyKey }: Delivery): Promise<DeliveryOutcome> {
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await http.post(url, body, {
        headers: {
          'Content-Type': 'application/json',
          'X-Netra-Timestamp': String(timestamp),
          'X-Netra-Signature': signNetraPayload(options.signingSecret, timestamp, body),
          'Idempotency-Key': idempotencyKey,
          'User-Agent': 'netra-forwarder',
        },
      });
      const delivered = response.status >= 200 && response.status < 300;
      return { delivered, httpStatus: response.status, error: delivered ? null : `HTTP ${response.status}`, durationMs: elapsed() };
    } catch (error) {
      const message = errorMessage(error);
      // request-filtering-agent's own wording names neither the setting nor what to do.
      if (/is not allowed/.test(message)) {
        return { delivered: false, httpStatus: null, error: `refused: the webhook's address is internal and not in OUTBOUND_ALLOWED_ADDRESSES (${message})`, durationMs: elapsed() };
      }
      const code = axios.isAxiosError(error) && error.code ? `${error.code}: ` : '';
      return { delivered: false, httpStatus: null, error: `${code}${message}`, durationMs: elapsed() };
    }
  };
}
export type Deliver = ReturnType<typeof createDeliverer>;
