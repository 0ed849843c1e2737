import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../src/http/retry-after.js';

const localNow = Date.parse('2024-11-01T10:00:00Z');

describe('retryAfterMs', () => {
  it('reads Retry-After in seconds', () => {
    expect(retryAfterMs({ 'retry-after': '120' }, localNow)).toBe(120_000);
  });

  it('reads Retry-After as an HTTP date, against the server clock when it sent one', () => {
    expect(retryAfterMs({ 'retry-after': 'Fri, 01 Nov 2024 10:00:30 GMT' }, localNow)).toBe(30_000);
    expect(retryAfterMs({ 'retry-after': 'Fri, 01 Nov 2024 10:00:30 GMT', date: 'Fri, 01 Nov 2024 10:00:20 GMT' }, localNow)).toBe(10_000);
  });

  it('reads X-RateLimit-Reset as an ISO time, correcting a skewed local clock with Date', () => {
    // The server's clock is 5 minutes behind ours: its reset is 45 s away, not "in the past".
    const headers = { 'x-ratelimit-reset': '2024-11-01T09:55:45.000Z', date: 'Fri, 01 Nov 2024 09:55:00 GMT' };
    expect(retryAfterMs(headers, localNow)).toBe(45_000);
    expect(retryAfterMs({ 'x-ratelimit-reset': '2024-11-01T10:00:05.123456Z' }, localNow)).toBe(5_123);
  });

  it('never returns a negative wait, and nothing when there is nothing to read', () => {
    expect(retryAfterMs({ 'x-ratelimit-reset': '2024-11-01T09:00:00Z' }, localNow)).toBe(0);
    expect(retryAfterMs({ 'retry-after': 'soon' }, localNow)).toBeUndefined();
    expect(retryAfterMs({}, localNow)).toBeUndefined();
  });
});
