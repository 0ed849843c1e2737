export * from './connection.js';
export * from './migrate.js';
export * from './repositories/activity.js';
export * from './repositories/classifications.js';
export * from './repositories/review-items.js';
export * from './repositories/social-accounts.js';
export * from './repositories/subjects.js';
export * from './schema.js';
