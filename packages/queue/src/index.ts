export * from './connection.js';
export * from './jobs.js';
export * from './queues.js';
export * from './workers.js';
export * from './parking.js';
export * from './redis-epoch.js';
export * from './classify-batches.js';
