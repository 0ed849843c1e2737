export { retryDelayMs } from './backoff.js';
export { FORWARDER_DEFAULTS, startForwarder, type Forwarder, type ForwarderOptions, type PassSummary } from './forwarder.js';
export { SIGNATURE_TOLERANCE_SECONDS, signNetraPayload, verifyNetraSignature } from './signature.js';
