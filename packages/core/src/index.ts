export * from './config.js';
export * from './domain.js';
export * from './errors.js';
export * from './hash.js';
export * from './lifecycle.js';
export * from './logger.js';
export * from './nip.js';
export * from './review-state.js';
