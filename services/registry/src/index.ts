export { importAgencies } from './importers/agencies.js';
export { importCandidates } from './importers/candidates.js';
export { importCivilServants } from './importers/civil-servants.js';
export { importRegions } from './importers/regions.js';
export type { ImportOptions, ImportResult, Rejection } from './result.js';
