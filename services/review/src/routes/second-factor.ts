import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { SecondFactorRepository } from '@netra/db';
import { sessionOf } from '../auth/request-session.js';
import { newRecoveryCodes, newTotpSecret, stepOfCode, totpUri } from '../auth/second-factor.js';
import type { ReviewContext } from '../context.js';
import { HttpError } from '../errors.js';

const confirmSchema = z.object({ code: z.string().trim().regex(/^[0-9]{6}$/, 'the 6-digit code of the authenticator app') });

const alreadyEnrolled = () => new HttpError(409, 'NETRA_SECOND_FACTOR_ENROLLED', 'a second factor is already set up; an admin can reset it');
const noPendingEnrolment = () => new HttpError(409, 'NETRA_NO_PENDING_ENROLMENT', 'start with POST /api/me/totp/setup');
const wrongCode = () => new HttpError(400, 'NETRA_BAD_SECOND_FACTOR', 'that code does not match; check the phone\u2019s clock and type the current one');

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
      if (!(await factors.begin(viewer.userId, secret))) throw alreadyEnrolled();
      return { secret, otpauth_uri: totpUri(secret, viewer.email) };
    });

    app.post('/me/totp', async (request) => {
      const { viewer } = sessionOf(request);
      const { code } = confirmSchema.parse(request.body);
      const secret = await factors.pendingSecret(viewer.userId);
      if (!secret) throw (await factors.isEnrolled(viewer.userId)) ? alreadyEnrolled() : noPendingEnrolment();
      const step = stepOfCode(secret, code);
      if (step === null) throw wrongCode();
      const recovery = newRecoveryCodes();
      if (!(await factors.confirm(viewer.userId, step, recovery.hashes))) throw alreadyEnrolled();
      return { enrolled: true, recovery_codes: recovery.codes };
    });
  };
}
