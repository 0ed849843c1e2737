export { createSimPlatform, type SimPlatformOptions } from './app.js';
export { startSimPlatform, type RunningSimPlatform } from './server.js';
export { FaultPlan, type Fault } from './api/faults.js';
export { World, SimWorldError, type WorldOptions } from './world/world.js';
export type { GroundTruth, NewAccount, NewStatus, SimAccount, SimFavourite, SimStatus } from './world/types.js';
export { buildDemoScenario, buildDemoWorld, type DemoScenario } from './demo-world/build-demo-world.js';
export type { DemoCivilServant } from './demo-world/civil-servants.js';
export { registryCsvFiles } from './demo-world/registry-csv.js';
export { blueskyCid, blueskyDid, blueskyHandle, blueskyUri } from './api/bluesky/identity.js';
