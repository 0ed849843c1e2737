import type { Db } from '../connection.js';

/** The elections Netra knows, in the order they are held: for filters and statistics. */
export async function listElections(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('elections').select(['code', 'name']).orderBy('vote_on').orderBy('code').execute();
}
