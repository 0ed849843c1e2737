import type { FastifyInstance } from 'fastify';
import { httpError } from './errors.js';

/**
 * Refuses text Postgres cannot store or a page cannot show safely, before any route sees it: a
 * NUL character (Postgres text cannot hold one: it was a 500) and a lone UTF-16 surrogate (not a
 * character at all). One hook for query, route parameters and JSON body, naming where it was.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds a character Postgres cannot store or a page cannot show (for fields outside JSON, as a form's). */
export const isUnstorable = (text: string): boolean => UNSTORABLE.test(text);

export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['query', request.query], ['params', request.params], ['body', request.body]] as const) {
      const path = unstorablePath(value, part);
      if (path) {
        throw httpError('invalidCharacters', { path }, { path });
      }
    }
  });
}

/** The path of the first string (or key) holding such a character, or null. */
function unstorablePath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = `${path}.${key}`;
    if (UNSTORABLE.test(key)) return innerPath;
    const found = unstorablePath(inner, innerPath, depth + 1);
    if (found) return found;
  }
  return null;
}
