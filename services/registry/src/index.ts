export { importAgencies } from './importers/agencies.js';
export { importCandidates } from './importers/candidates.js';
export { importCivilServants } from './importers/civil-servants.js';
export { importRegions } from './importers/regions.js';
export { ImportInterrupted, type ImportOptions, type ImportResult, type Rejection } from './result.js';
