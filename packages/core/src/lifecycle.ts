import type { Logger } from 'pino';
import { UsageRequested } from './command-line.js';

/** Something a service started and must stop on shutdown, in order. */
export interface Closeable {
  close(): Promise<void>;
}

/**
 * Closes each part in the order given (workers, then queues, then connections, as BullMQ's
 * examples do), logging rather than throwing so one failure does not strand the rest.
 */
export async function closeInOrder(parts: readonly Closeable[], logger?: Logger): Promise<void> {
  for (const part of parts) {
    try {
      await part.close();
    } catch (error) {
      logger?.error({ err: error }, 'error while shutting down');
    }
  }
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdownSignal(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/**
 * The entry point of every service and CLI: a ConfigError (or any start-up failure) becomes one
 * clear line on stderr, `name: message`, and exit code `failureCode` (1), never a stack trace an
 * operator has to read. `--help` (UsageRequested) prints the usage and exits 0; a number `main`
 * returns is the exit code.
 */
export function runMain(main: () => Promise<number | void>, options: { name?: string; failureCode?: number } = {}): void {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageRequested) {
        process.stdout.write(`${error.usage}\n`);
        process.exit(0);
      }
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${options.name ?? 'netra'}: ${message}\n`);
      process.exit(options.failureCode ?? 1);
    },
  );
}
