import { sql, type Kysely } from 'kysely';

/**
 * A priority that separates items (issue #15): almost every item tied at 1.20 (score 1 + 'berat').
 *
 * - posts.reach: likes + shares + replies as the platform last counted them (null when it gave
 *   none), one input of the priority.
 * - review_items.priority_parts: the points of each part of the stored priority (severity, score,
 *   reach, repeat), written with it, so the item page can say why an item is where it is. Null
 *   for items opened before this migration: their priority stays as it was until re-classified.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE posts ADD COLUMN reach integer CHECK (reach >= 0);
    ALTER TABLE review_items ADD COLUMN priority_parts jsonb;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
