export { buildReviewApp, DEFAULT_CLAIM_LEASE_SECONDS, type ReviewApp, type ReviewAppOptions } from './app.js';
export { startReviewOperations } from './ops/operations.js';
export type { CaseReport } from './review/case-report.js';
