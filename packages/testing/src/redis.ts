import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** A Redis key prefix no other test file or run uses. */
export function testRedisPrefix(): string {
  return `netra_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
}
