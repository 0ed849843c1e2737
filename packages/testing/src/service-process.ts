import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The tsx loader, imported by node itself: one process per service, so SIGKILL kills the service
// and not only a wrapper around it.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/**
 * One Netra service as its own OS process, started from its real entry point with its settings
 * in the environment, as an operator (or compose) runs it. Its output is kept for the failure
 * message of a test.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private output: string[] = [];
  private metricsPort = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote, for a failing test's message. */
  log(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }

  /** Starts it and waits until its /healthz answers 200. */
  async start(): Promise<void> {
    this.metricsPort = await freePort();
    const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, this.entry)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...this.env, METRICS_HOST: '127.0.0.1', METRICS_PORT: String(this.metricsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString('utf8').trimEnd().split('\n'));
      if (this.output.length > 500) this.output = this.output.slice(-250);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    await this.waitUntilHealthy(120_000);
  }

  async healthz(): Promise<number | null> {
    try {
      return (await fetch(`http://127.0.0.1:${this.metricsPort}/healthz`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      return null;
    }
  }

  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.metricsPort}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
  }

  async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.healthz()) !== 200) {
      if (!this.running) throw new Error(`${this.name} exited (${this.child?.exitCode ?? this.child?.signalCode}):\n${this.log()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} not healthy after ${timeoutMs} ms:\n${this.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** kill -9: no shutdown handler runs, whatever it was doing is cut off. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
