import { sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * Each user's TOTP secret and recovery codes. Every check that consumes something (a time step,
 * a recovery code) is one conditional UPDATE, so two requests racing with the same code cannot
 * both succeed.
 */
export class SecondFactorRepository {
  constructor(private readonly db: Db) {}

  async isEnrolled(userId: number): Promise<boolean> {
    const row = await this.db.selectFrom('user_totp').select('user_id').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
    return row !== undefined;
  }

  /** The secret of a confirmed enrolment, or null. */
  async confirmedSecret(userId: number): Promise<string | null> {
    const row = await this.db.selectFrom('user_totp').select('secret_base32').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
    return row?.secret_base32 ?? null;
  }

  /** Starts (or restarts) an enrolment with a new secret; false when one is already confirmed. */
  async begin(userId: number, secretBase32: string): Promise<boolean> {
    const row = await this.db
      .insertInto('user_totp')
      .values({ user_id: userId, secret_base32: secretBase32 })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret_base32: secretBase32, created_at: sql<Date>`now()` }).where('user_totp.confirmed_at', 'is', null))
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The secret of an enrolment not yet confirmed, or null. */
  async pendingSecret(userId: number): Promise<string | null> {
    const row = await this.db.selectFrom('user_totp').select('secret_base32').where('user_id', '=', userId).where('confirmed_at', 'is', null).executeTakeFirst();
    return row?.secret_base32 ?? null;
  }

  /** Confirms the pending enrolment with the step of its first code, and stores the recovery codes' hashes. */
  async confirm(userId: number, step: number, recoveryCodeHashes: readonly string[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const confirmed = await trx
        .updateTable('user_totp')
        .set({ confirmed_at: sql<Date>`now()`, last_used_step: step })
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      if (!confirmed) return false;
      await trx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
      await trx.insertInto('user_recovery_codes').values(recoveryCodeHashes.map((code_sha256) => ({ user_id: userId, code_sha256 }))).execute();
      return true;
    });
  }

  /** Accepts a code's time step once: false when that step (or a later one) was used already. */
  async consumeStep(userId: number, step: number): Promise<boolean> {
    const row = await this.db
      .updateTable('user_totp')
      .set({ last_used_step: step })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .where('last_used_step', '<', String(step))
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Uses up one recovery code; false when it is not one of the user's unused codes. */
  async consumeRecoveryCode(userId: number, codeSha256: string): Promise<boolean> {
    const row = await this.db
      .updateTable('user_recovery_codes')
      .set({ used_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('code_sha256', '=', codeSha256)
      .where('used_at', 'is', null)
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** An admin's reset (a lost phone): the person enrols again at their next sign-in. */
  async reset(userId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
      await trx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
    });
  }
}
