export * from './connection.js';
export * from './migrate.js';
export * from './repositories/review-items.js';
export * from './schema.js';
