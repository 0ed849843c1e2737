import { createLogger, loadConfig, onShutdownSignal, runMain } from '@netra/core';
import { buildDemoWorld } from './demo-world/build-demo-world.js';
import { startSimPlatform } from './server.js';

runMain(async () => {
  const config = loadConfig(['SIM_PLATFORM_HOST', 'SIM_PLATFORM_PORT']);
  const logger = createLogger('sim-platform');
  const world = buildDemoWorld();
  const sim = await startSimPlatform({ host: config.SIM_PLATFORM_HOST, port: config.SIM_PLATFORM_PORT, world });
  logger.info({ url: sim.url, accounts: world.accounts().length, statuses: world.statuses().length }, 'sim-platform listening');
  onShutdownSignal(() => sim.close(), logger);
});
