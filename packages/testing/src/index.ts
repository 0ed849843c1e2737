export * from './database.js';
export * from './redis.js';
export * from './urls.js';
export * from './fixtures.js';
export * from './known-statistics.js';
export * from './free-port.js';
export * from './service-process.js';
