import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { SecondFactorRepository } from '@netra/db';
import { sessionOf } from '../auth/request-session.js';
import { newRecoveryCodes, newTotpSecret, stepOfCode, totpUri } from '../auth/second-factor.js';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';

const confirmSchema = z.object({ code: z.string().trim().regex(/^[0-9]{6}$/, 'the 6-digit code of the authenticator app') });


/**
 * Enrolling the second factor: a new secret (for the authenticator app), then the first code
 * proves the app holds it; only then does the enrolment count, and the recovery codes are shown,
 * once. Re-running setup before confirming replaces the secret.
 */
export function secondFactorRoutes(ctx: ReviewContext): FastifyPluginAsync {
  return async (app) => {
    const factors = new SecondFactorRepository(ctx.db);

    app.post('/me/totp/setup', async (request) => {
      const { viewer } = sessionOf(request);
      const secret = newTotpSecret();
      if (!(await factors.begin(viewer.userId, secret))) throw httpError('secondFactorEnrolled');
      return { secret, otpauth_uri: totpUri(secret, viewer.email) };
    });

    app.post('/me/totp', async (request) => {
      const { viewer } = sessionOf(request);
      const { code } = confirmSchema.parse(request.body);
      const secret = await factors.pendingSecret(viewer.userId);
      if (!secret) throw (await factors.isEnrolled(viewer.userId)) ? httpError('secondFactorEnrolled') : httpError('noPendingEnrolment');
      const step = stepOfCode(secret, code);
      if (step === null) throw httpError('wrongSecondFactor');
      const recovery = newRecoveryCodes();
      if (!(await factors.confirm(viewer.userId, step, recovery.hashes))) throw httpError('secondFactorEnrolled');
      return { enrolled: true, recovery_codes: recovery.codes };
    });
  };
}
