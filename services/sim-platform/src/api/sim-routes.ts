import type { FastifyInstance } from 'fastify';
import type { World } from '../world/world.js';
import type { Fault, FaultPlan } from './faults.js';
import { serializeStatus } from './serialize.js';

interface NewStatusBody {
  acct: string;
  text?: string;
  in_reply_to_id?: string;
  reblog_of_id?: string;
  quote_of_id?: string;
  created_at?: string;
  media_descriptions?: string[];
}

interface FaultBody {
  path: string;
  status?: number;
  times?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delay_ms?: number;
}

const newStatusSchema = {
  type: 'object',
  required: ['acct'],
  additionalProperties: false,
  properties: {
    acct: { type: 'string', minLength: 1 },
    text: { type: 'string' },
    in_reply_to_id: { type: 'string', pattern: '^[0-9]+$' },
    reblog_of_id: { type: 'string', pattern: '^[0-9]+$' },
    quote_of_id: { type: 'string', pattern: '^[0-9]+$' },
    created_at: { type: 'string', format: 'date-time' },
    media_descriptions: { type: 'array', items: { type: 'string' } },
  },
} as const;

const faultSchema = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    times: { type: 'integer', minimum: 1 },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: {},
    delay_ms: { type: 'integer', minimum: 0, maximum: 60_000 },
  },
} as const;

/**
 * The world-mutation API (no platform's): lets a test or the demo make accounts post, reply,
 * boost, quote, like, edit and delete, change what becomes of an account, and arm faults. Bodies use Mastodon's snake_case.
 */
export function registerSimRoutes(app: FastifyInstance, world: World, faults: FaultPlan): void {
  app.post<{ Body: NewStatusBody }>('/sim/statuses', { schema: { body: newStatusSchema } }, async (request, reply) => {
    const body = request.body;
    const status = world.post({
      acct: body.acct,
      text: body.text,
      inReplyToId: body.in_reply_to_id,
      reblogOfId: body.reblog_of_id,
      quoteOfId: body.quote_of_id,
      createdAt: body.created_at ? new Date(body.created_at) : undefined,
      mediaDescriptions: body.media_descriptions,
    });
    return reply.code(200).send(serializeStatus(world, status));
  });

  app.post<{ Params: { id: string }; Body: { acct: string } }>(
    '/sim/statuses/:id/favourites',
    { schema: { body: { type: 'object', required: ['acct'], properties: { acct: { type: 'string', minLength: 1 } } } } },
    async (request) => {
      const favourite = world.favourite({ acct: request.body.acct, statusId: request.params.id });
      return { id: favourite.id, status_id: favourite.statusId, account_id: favourite.accountId, created_at: favourite.createdAt.toISOString() };
    },
  );

  app.put<{ Params: { id: string }; Body: { text: string } }>(
    '/sim/statuses/:id',
    { schema: { body: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } } } },
    async (request) => serializeStatus(world, world.edit(request.params.id, request.body.text)),
  );

  app.delete<{ Params: { id: string } }>('/sim/statuses/:id', async (request, reply) => {
    world.delete(request.params.id);
    return reply.code(204).send();
  });

  // What can become of an account: suspended, posts hidden (X "protected"), renamed.
  app.post<{ Params: { acct: string }; Body: { action: 'suspend' | 'protect' | 'rename'; username?: string } }>(
    '/sim/accounts/:acct',
    {
      schema: {
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: { action: { enum: ['suspend', 'protect', 'rename'] }, username: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request, reply) => {
      const { action, username } = request.body;
      if (action === 'suspend') world.suspend(request.params.acct);
      else if (action === 'protect') world.protect(request.params.acct);
      else if (username) world.rename(request.params.acct, username);
      else return reply.code(422).send({ error: 'rename needs a username' });
      return reply.code(204).send();
    },
  );

  app.post<{ Body: FaultBody }>('/sim/faults', { schema: { body: faultSchema } }, async (request, reply) => {
    const { delay_ms: delayMs, ...rest } = request.body;
    const fault: Fault = { ...rest, delayMs };
    try {
      faults.add(fault);
    } catch (error) {
      return reply.code(422).send({ error: (error as Error).message });
    }
    return reply.code(201).send({ armed: fault });
  });

  app.delete('/sim/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
}
