import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WebhookMode = 'up' | 'down' | 'hang';

/**
 * An agency's case intake that a test can take down (503), make hang (no answer at all: a call
 * in flight when the forwarder is killed), or bring up (200). It records which deliveries it
 * acknowledged, by idempotency key: what the agency really accepted.
 */
export async function startAgencyWebhook() {
  let mode: WebhookMode = 'up';
  const accepted: { key: string; body: string }[] = [];
  let requests = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests += 1;
      if (mode === 'hang') return;
      if (mode === 'down') {
        response.statusCode = 503;
        response.end('down');
        return;
      }
      accepted.push({ key: String(request.headers['idempotency-key']), body: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/kasus`,
    accepted,
    requests: () => requests,
    set(next: WebhookMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
