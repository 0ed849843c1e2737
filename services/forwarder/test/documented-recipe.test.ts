import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { signNetraPayload } from '../src/index.js';

/**
 * Agencies copy the Node.js verification recipe from docs/review.md; a security review found it
 * accepted `sha256=<valid>zz`. Run the recipe as printed against good and tampered signatures.
 */
type Verify = (secret: string, timestamp: string, rawBody: string, signatureHeader: string) => boolean;

async function documentedVerify(): Promise<Verify> {
  const doc = await readFile(new URL('../../../docs/review.md', import.meta.url), 'utf8');
  const block = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/review.md has no ```js recipe');
  const body = block.replace(/^import .*$/m, '');
  return new Function('createHmac', 'timingSafeEqual', `${body}\nreturn verify;`)(createHmac, timingSafeEqual) as Verify;
}

it('the documented recipe accepts a real signature and refuses every tampered one', async () => {
  const verify = await documentedVerify();
  const secret = 'agency-shared-secret-of-enough-length-0123';
  const timestamp = String(Math.floor(Date.now() / 1000));
  const body = '{"case":"coblos 02"}';
  const signature = signNetraPayload(secret, timestamp, body);
  expect(verify(secret, timestamp, body, signature)).toBe(true);
  for (const tampered of [`${signature}zz`, `${signature}00`, signature.toUpperCase(), signature.slice(0, -2), `sha256=${'0'.repeat(64)}`, '', 'sha256=']) {
    expect(verify(secret, timestamp, body, tampered), tampered).toBe(false);
  }
  expect(verify(secret, `${timestamp}x`, body, signature)).toBe(false);
  expect(verify(secret, String(Number(timestamp) - 3600), body, signNetraPayload(secret, Number(timestamp) - 3600, body))).toBe(false);
  expect(verify(secret, timestamp, `${body} `, signature)).toBe(false);
});
