import { createSimPlatform } from './app.js';
import { FaultPlan } from './api/faults.js';
import { World } from './world/world.js';

export interface RunningSimPlatform {
  /** Base URL actually listened on (the real port when 0 was asked). */
  url: string;
  world: World;
  faults: FaultPlan;
  close(): Promise<void>;
}

export async function startSimPlatform(options: { host?: string; port?: number; world?: World; logger?: boolean } = {}): Promise<RunningSimPlatform> {
  const world = options.world ?? new World();
  const faults = new FaultPlan();
  const app = createSimPlatform(world, { faults, logger: options.logger });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('sim-platform is not listening on a TCP port');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  // Image URLs in the APIs' answers point back here, so a media worker can fetch them.
  world.mediaOrigin = url;
  return { url, world, faults, close: () => app.close() };
}
