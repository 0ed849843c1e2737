import { readFileSync } from 'node:fs';
import { secondsSince } from './bench-database.js';

/** Busy CPU seconds of the whole machine (every process: services, Postgres, Redis, the sim). */
export function machineBusySeconds(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

/** Starts a measurement; the returned function gives the wall and machine CPU seconds since. */
export function measureMachine() {
  const wall = performance.now();
  const cpu = machineBusySeconds();
  return () => ({ seconds: secondsSince(wall), cpuSeconds: machineBusySeconds() - cpu });
}
