export { startAgencyInbox } from './agency-inbox.js';
export { startPipeline, type Pipeline } from './pipeline.js';
export { createDemoUsers, fileDemoReports, importDemoRegistry, routeAgenciesTo } from './seed.js';
export { demoSummary } from './summary.js';
