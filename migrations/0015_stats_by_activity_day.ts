import { sql, type Kysely } from 'kysely';

/**
 * Statistics count a flag on the day of the activity, not the day Netra flagged it (issue #15):
 * "posts in the quiet period" means posted then, and a backlog classified late moved every
 * count onto the day of the catch-up. The day is the civil servant's local calendar day (WIB,
 * WITA or WIT by province), as reviewers and Bawaslu read it.
 *
 * - stats_flags.flagged_on becomes activity_on: the local day the post was posted (a comment:
 *   its reply; a like or share: when first seen, the only time most platforms give). flagged_at
 *   stays: time to decision is measured from it.
 * - stats_reviewer_monthly.flag_month becomes activity_month, the cell it is rebuilt by.
 * - The statistics are derived data: emptied here with the refresh state, so the next refresh
 *   (the review service's refresher, or any `npm run -s stats`) rebuilds them from every item.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE stats_flags RENAME COLUMN flagged_on TO activity_on;
    ALTER TABLE stats_reviewer_monthly RENAME COLUMN flag_month TO activity_month;
    TRUNCATE stats_flags, stats_daily, stats_monthly, stats_reviewer_monthly, stats_refresh_state;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
