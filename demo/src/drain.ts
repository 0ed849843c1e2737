import type { PhysicalQueueName, Queues } from '@netra/queue';

/**
 * Waits until none of the queues has work waiting, delayed or running, twice in a row (an
 * ingest job finishing can enqueue classification just after a look).
 */
export async function waitUntilDrained(queues: Queues, names: readonly PhysicalQueueName[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietLooks = 0;
  while (quietLooks < 2) {
    if (Date.now() > deadline) throw new Error(`queues ${names.join(', ')} did not drain within ${timeoutMs / 1000} s`);
    const counts = await Promise.all(
      names.map((name) => queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')),
    );
    const pending = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    quietLooks = pending === 0 ? quietLooks + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
