import { describe, expect, it } from 'vitest';
import { exhaustedWindowMs, retryAfterMs } from '../src/http/retry-after.js';

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

  it("reads X's x-rate-limit-reset and Bluesky's RateLimit-Reset as Unix seconds", () => {
    expect(retryAfterMs({ 'x-rate-limit-reset': String(localNow / 1000 + 90) }, localNow)).toBe(90_000);
    expect(retryAfterMs({ 'ratelimit-reset': String(localNow / 1000 + 30) }, localNow)).toBe(30_000);
    // The IETF draft's form: seconds from now.
    expect(retryAfterMs({ 'ratelimit-reset': '12' }, localNow)).toBe(12_000);
  });

  it('says a window is used up only when remaining is 0', () => {
    const reset = String(localNow / 1000 + 60);
    expect(exhaustedWindowMs({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }, localNow)).toBe(60_000);
    expect(exhaustedWindowMs({ 'x-rate-limit-remaining': '3', 'x-rate-limit-reset': reset }, localNow)).toBeUndefined();
    expect(exhaustedWindowMs({}, localNow)).toBeUndefined();
  });

  it('never returns a negative wait, and nothing when there is nothing to read', () => {
    expect(retryAfterMs({ 'x-ratelimit-reset': '2024-11-01T09:00:00Z' }, localNow)).toBe(0);
    expect(retryAfterMs({ 'retry-after': 'soon' }, localNow)).toBeUndefined();
    expect(retryAfterMs({}, localNow)).toBeUndefined();
  });
});
