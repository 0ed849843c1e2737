export { buildReviewApp, DEFAULT_CLAIM_LEASE_SECONDS, type ReviewApp, type ReviewAppOptions } from './app.js';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits.js';
export { startReviewOperations } from './ops/operations.js';
export type { CaseReport } from './review/case-report.js';
