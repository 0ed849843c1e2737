export { buildClassifyDeps } from './build-deps.js';
export { classifyBatchHandler, classifyEngagementHandler, classifyPostHandler, type ClassifyDeps } from './classify-subject.js';
export { startClassifyWorker } from './worker.js';
