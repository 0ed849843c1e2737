export * from './types.js';
export * from './errors.js';
export { htmlToText } from './html-to-text.js';
export { retryAfterMs } from './http/retry-after.js';
export { createMastodonConnector, type MastodonConnectorOptions } from './mastodon/connector.js';
