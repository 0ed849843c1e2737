import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@netra/core';
import { verifyNetraSignature } from '@netra/forwarder';

/**
 * Stands in for the home agencies' case-intake webhook: verifies each delivery's signature the
 * way an agency would, and answers 2xx only for a valid one. Idempotency keys already seen are
 * acknowledged but not counted again.
 */
export async function startAgencyInbox(secret: string, logger: Logger) {
  const received = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const valid = verifyNetraSignature(
        secret,
        String(req.headers['x-netra-timestamp'] ?? ''),
        body,
        String(req.headers['x-netra-signature'] ?? ''),
      );
      if (!valid) {
        res.writeHead(401).end('bad signature');
        return;
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!received.has(key)) {
        received.add(key);
        logger.info({ idempotencyKey: key, path: req.url }, 'agency inbox: case received');
      }
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (agencyCode: string) => `http://127.0.0.1:${port}/agencies/${encodeURIComponent(agencyCode)}/cases`,
    received: () => received.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
