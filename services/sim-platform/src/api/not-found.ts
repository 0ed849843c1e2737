import type { FastifyReply } from 'fastify';

/** Mastodon's answer for an unknown id or account, whatever the route. */
export function recordNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: 'Record not found' });
}
