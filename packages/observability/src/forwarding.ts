import { forwardingOutcomes } from './metrics.js';

/** cancelled: the case was reopened while its delivery was in flight. */
export type ForwardingOutcome = 'delivered' | 'retry' | 'failed' | 'cancelled';

/** The forwarder's hook: one call per delivery attempt, with what became of it. */
export function recordForwardingOutcome(outcome: ForwardingOutcome, channel = 'webhook'): void {
  forwardingOutcomes.inc({ channel, outcome });
}
