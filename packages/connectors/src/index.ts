export * from './types.js';
export * from './errors.js';
export { htmlToText } from './html-to-text.js';
export { retryAfterMs, exhaustedWindowMs } from './http/retry-after.js';
export { createMastodonConnector, type MastodonConnectorOptions } from './mastodon/connector.js';
export { createBlueskyConnector, type BlueskyConnectorOptions } from './bluesky/connector.js';
export { createXConnector, type XConnectorOptions } from './x/connector.js';
export { createConnector, type ConnectorSettings } from './create-connector.js';
