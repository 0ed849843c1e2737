import { z } from 'zod';

/**
 * Every job Netra runs: its queue and the shape of its payload. A job carries ids only;
 * Postgres holds the data, so a retried job re-reads the truth.
 */
export const jobDefinitions = {
  /** Fetch a registered civil servant's new statuses (posts, replies, reposts). */
  'poll-account': { queue: 'ingest', payload: z.object({ accountId: z.number().int().positive() }) },
  /** Fetch a candidate's or party's recent posts and who liked, shared or replied to them. */
  'watch-account': { queue: 'ingest', payload: z.object({ accountId: z.number().int().positive() }) },
  'classify-post': {
    queue: 'classify',
    payload: z.object({
      postId: z.string().regex(/^\d+$/),
      /**
       * Set when a reply is re-classified because its parent became known (a comment engagement):
       * a distinct job id, so it is not dropped while the first classification is still running.
       */
      contextEngagementId: z.string().regex(/^\d+$/).optional(),
    }),
  },
  'classify-engagement': { queue: 'classify', payload: z.object({ engagementId: z.string().regex(/^\d+$/) }) },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type QueueName = (typeof jobDefinitions)[JobName]['queue'];
export type JobPayload<N extends JobName> = z.output<(typeof jobDefinitions)[N]['payload']>;
export type JobsOfQueue<Q extends QueueName> = {
  [N in JobName]: (typeof jobDefinitions)[N]['queue'] extends Q ? N : never;
}[JobName];

export const queueNames: readonly QueueName[] = [...new Set(Object.values(jobDefinitions).map((d) => d.queue))];

/**
 * A deterministic id per job subject, so enqueueing the same work twice while it waits is a
 * no-op (BullMQ ignores an add whose job id already exists). BullMQ forbids ':' in custom ids.
 */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayload<N>): string {
  return `${name}-${Object.values(payload).join('-')}`;
}
