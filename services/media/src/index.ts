export { buildCaptureDeps, buildMediaDeps } from './build-deps.js';
export type { CaptureDeps } from './capture/capture-report.js';
export type { MediaDeps } from './deps.js';
export { ImageFetcher, MediaFetchProblem } from './fetch-image.js';
export { judgeMediaUrl, type MediaHostRule } from './media-hosts.js';
export { readMediaHandler } from './read-media.js';
export { startCaptureWorker, startMediaWorker } from './worker.js';
