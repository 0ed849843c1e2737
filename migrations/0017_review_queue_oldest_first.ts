import { sql, type Kysely } from 'kysely';

/**
 * The queue can be read oldest first (issue #15): priority puts the clearest, heaviest, most seen
 * cases on top, and an item nobody takes would wait behind them for ever; a team clearing its
 * backlog reads by age. As for the priority order, one index per stored status in that order,
 * per agency or for all, so a page is one index range however many items there are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX review_items_status_age_idx ON review_items (status, id);
    CREATE INDEX review_items_agency_status_age_idx ON review_items (agency_id, status, id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Netra migrations are forward-only');
}
