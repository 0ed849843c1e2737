import type { FastifyInstance } from 'fastify';

/**
 * Fault injection for tests of clients: the next `times` requests to the platforms (APIs, media, pages) whose path and
 * query match `path` (a regular expression) are delayed and/or answered with the given status,
 * headers and body instead of the real response. A 200 with an odd body simulates a malformed
 * answer; a delay alone simulates a slow instance; headers alone decorate the real answer.
 */
export interface Fault {
  path: string;
  status?: number;
  times?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

interface ArmedFault {
  pattern: RegExp;
  fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private armed: ArmedFault[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
    this.armed.push({ pattern: new RegExp(fault.path), fault, remaining: times });
  }

  clear(): void {
    this.armed = [];
  }

  /** The first armed fault matching the request URL, used up by one. */
  take(url: string): Fault | undefined {
    const match = this.armed.find((armed) => armed.remaining > 0 && armed.pattern.test(url));
    if (!match) return undefined;
    match.remaining -= 1;
    this.armed = this.armed.filter((armed) => armed.remaining > 0);
    return match.fault;
  }
}


export function applyFaults(app: FastifyInstance, plan: FaultPlan): void {
  app.addHook('onRequest', async (request, reply) => {
    // Everything the sim serves as a platform (APIs, media files, public pages); /sim itself never.
    if (request.url.startsWith('/sim/')) return;
    const fault = plan.take(request.url);
    if (!fault) return;
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    // Without a status the real answer is served, with the fault's headers added (say, rate-limit headers).
    if (fault.status === undefined) {
      if (fault.headers) reply.headers(fault.headers);
      return;
    }
    return reply
      .code(fault.status)
      .headers(fault.headers ?? {})
      .send(fault.body ?? { error: `injected fault ${fault.status}` });
  });
}
