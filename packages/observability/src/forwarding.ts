import { forwardingOutcomes } from './metrics.js';

export type ForwardingOutcome = 'delivered' | 'retry' | 'failed';

/** The forwarder's hook: one call per delivery attempt, with what became of it. */
export function recordForwardingOutcome(outcome: ForwardingOutcome, channel = 'webhook'): void {
  forwardingOutcomes.inc({ channel, outcome });
}
