import { sql, type Kysely } from 'kysely';

/**
 * The confirmer joins the stored review projection (issue #15): the four-eyes rule needs it
 * ("the approver is someone else"), and pages and SQL re-derived it from the log. Like status,
 * claim and escalation it is the state machine's fold (ReviewState.confirmedBy), written with
 * each event by ReviewItemRepository; here it is filled from the log once: the actor of an item's
 * latest confirm not followed by a reopen. `rebuildProjections` checks it like the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE review_items ADD COLUMN confirmed_by integer REFERENCES users (id);
    UPDATE review_items ri SET confirmed_by = (
      SELECT ev.actor_user_id FROM review_events ev
      WHERE ev.review_item_id = ri.id AND ev.type = 'confirmed'
        AND NOT EXISTS (SELECT 1 FROM review_events later WHERE later.review_item_id = ri.id AND later.type = 'reopened' AND later.seq > ev.seq)
      ORDER BY ev.seq DESC LIMIT 1)
    WHERE EXISTS (SELECT 1 FROM review_events ev WHERE ev.review_item_id = ri.id AND ev.type = 'confirmed');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
