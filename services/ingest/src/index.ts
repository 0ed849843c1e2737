export type { IngestDeps } from './deps.js';
export { pollAccountHandler } from './poll-account.js';
export { watchAccountHandler } from './watch-account.js';
export { startIngestWorker } from './worker.js';
