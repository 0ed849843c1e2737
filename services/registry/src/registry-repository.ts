import { sql, type Kysely } from 'kysely';
import type { Database } from '@netra/db';
import type { AgencyRow } from './validate/agency-row.js';
import type { CandidateRow, ElectionRow } from './validate/candidate-row.js';
import { formatSpouseRef } from './validate/civil-servant-row.js';
import type { AccountRef } from './validate/fields.js';
import type { RegionRow } from './validate/region-row.js';

/** A row written by an upsert: `changed` is false when the stored row already held these values. */
export interface Upserted {
  id: number;
  changed: boolean;
}

export type AccountOwner = { civilServantId: number } | { candidateId: number };

export interface AccountHolder {
  civil_servant_id: number | null;
  candidate_id: number | null;
  nip: string | null;
  candidate_label: string | null;
  election_code: string | null;
}

/** `platform:handle`, the key accounts are looked up by. */
export const accountKey = (account: AccountRef) => `${account.platform}:${account.handle}`;

export interface CivilServantValues {
  nip: string;
  fullName: string;
  agencyId: number;
  regionCode: string;
  position: string | null;
  spouseCandidateId: number | null;
}

/**
 * Every query the registry import runs. Upserts are keyed on natural keys and write only when a
 * value differs, so re-importing a file leaves the rows (and updated_at) untouched and reports
 * them unchanged. Constructed per transaction: a row's writes commit or roll back together.
 */
export class RegistryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async regionExists(code: string): Promise<boolean> {
    const region = await this.db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
    return region !== undefined;
  }

  async upsertRegion(region: RegionRow): Promise<boolean> {
    const written = await this.db
      .insertInto('regions')
      .values({ code: region.code, name: region.name, parent_code: region.parentCode })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), parent_code: eb.ref('excluded.parent_code') }))
          .where(storedDiffersFromExcluded('regions', ['name', 'parent_code'])),
      )
      .returning('code')
      .executeTakeFirst();
    return written !== undefined;
  }

  async upsertAgency(agency: AgencyRow): Promise<boolean> {
    const written = await this.db
      .insertInto('agencies')
      .values({
        code: agency.code,
        name: agency.name,
        region_code: agency.regionCode,
        webhook_url: agency.webhookUrl,
        contact_email: agency.contactEmail,
      })
      .onConflict((oc) =>
        oc
          .column('code')
          // An empty webhook_url or contact_email cell keeps what is stored: a re-import of an
          // older or partial file must not silently stop an agency's deliveries. Clearing one is
          // an explicit admin change (`npm run users -- agency CODE --webhook ''`).
          .doUpdateSet({
            name: sql.ref('excluded.name'),
            region_code: sql.ref('excluded.region_code'),
            webhook_url: keptUnlessGiven('webhook_url'),
            contact_email: keptUnlessGiven('contact_email'),
          })
          .where(
            sql<boolean>`(agencies.name, agencies.region_code, agencies.webhook_url, agencies.contact_email) IS DISTINCT FROM
              (excluded.name, excluded.region_code, ${keptUnlessGiven('webhook_url')}, ${keptUnlessGiven('contact_email')})`,
          ),
      )
      .returning('id')
      .executeTakeFirst();
    return written !== undefined;
  }

  async upsertElection(election: ElectionRow): Promise<Upserted> {
    const written = await this.db
      .insertInto('elections')
      .values({
        code: election.code,
        name: election.name,
        kind: election.kind,
        region_code: election.regionCode,
        campaign_starts_on: election.campaignStartsOn,
        campaign_ends_on: election.campaignEndsOn,
        vote_on: election.voteOn,
      })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            region_code: eb.ref('excluded.region_code'),
            campaign_starts_on: eb.ref('excluded.campaign_starts_on'),
            campaign_ends_on: eb.ref('excluded.campaign_ends_on'),
            vote_on: eb.ref('excluded.vote_on'),
          }))
          .where(
            storedDiffersFromExcluded('elections', ['name', 'kind', 'region_code', 'campaign_starts_on', 'campaign_ends_on', 'vote_on']),
          ),
      )
      .returning('id')
      .executeTakeFirst();
    if (written) return { id: written.id, changed: true };
    const stored = await this.db.selectFrom('elections').select('id').where('code', '=', election.code).executeTakeFirstOrThrow();
    return { id: stored.id, changed: false };
  }

  /** The label of the candidate holding this ballot number in the election, if any. */
  async labelHoldingBallot(electionId: number, ballotNumber: number): Promise<string | undefined> {
    const candidate = await this.db
      .selectFrom('candidates')
      .select('label')
      .where('election_id', '=', electionId)
      .where('ballot_number', '=', ballotNumber)
      .executeTakeFirst();
    return candidate?.label;
  }

  async upsertCandidate(electionId: number, candidate: CandidateRow): Promise<Upserted> {
    const written = await this.db
      .insertInto('candidates')
      .values({
        election_id: electionId,
        kind: candidate.kind,
        ballot_number: candidate.ballotNumber,
        label: candidate.label,
        names: candidate.names,
        aliases: candidate.aliases,
        hashtags: candidate.hashtags,
      })
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'label'])
          .doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            ballot_number: eb.ref('excluded.ballot_number'),
            names: eb.ref('excluded.names'),
            aliases: eb.ref('excluded.aliases'),
            hashtags: eb.ref('excluded.hashtags'),
          }))
          .where(storedDiffersFromExcluded('candidates', ['kind', 'ballot_number', 'names', 'aliases', 'hashtags'])),
      )
      .returning('id')
      .executeTakeFirst();
    if (written) return { id: written.id, changed: true };
    const stored = await this.db
      .selectFrom('candidates')
      .select('id')
      .where('election_id', '=', electionId)
      .where('label', '=', candidate.label)
      .executeTakeFirstOrThrow();
    return { id: stored.id, changed: false };
  }

  /** Every agency's id by code: a registry has a few thousand, read once per civil-servant import. */
  async agencyIdsByCode(): Promise<Map<string, number>> {
    const agencies = await this.db.selectFrom('agencies').select(['code', 'id']).execute();
    return new Map(agencies.map((agency) => [agency.code, agency.id]));
  }

  async regionCodes(): Promise<Set<string>> {
    const regions = await this.db.selectFrom('regions').select('code').execute();
    return new Set(regions.map((region) => region.code));
  }

  /** Every candidate's id by `election_code#ballot_number`, the form spouse_of is written in. */
  async candidateIdsByBallot(): Promise<Map<string, number>> {
    const candidates = await this.db
      .selectFrom('candidates')
      .innerJoin('elections', 'elections.id', 'candidates.election_id')
      .select(['elections.code', 'candidates.ballot_number', 'candidates.id'])
      .execute();
    // A candidate without a ballot number cannot be named in spouse_of.
    return new Map(
      candidates.flatMap(({ code, ballot_number, id }) =>
        ballot_number === null ? [] : [[formatSpouseRef({ electionCode: code, ballotNumber: ballot_number }), id] as const],
      ),
    );
  }

  /** The stored name of each of these NIPs that is registered. (nip is char(18): compared as bpchar, on its index.) */
  async civilServantNamesByNip(nips: readonly string[]): Promise<Map<string, string>> {
    const people = await this.db.selectFrom('civil_servants').select(['nip', 'full_name']).where('nip', '=', sql<string>`any(${[...nips]}::bpchar[])`).execute();
    return new Map(people.map((person) => [person.nip, person.full_name]));
  }

  /**
   * Keyed on NIP, one statement for the whole batch (each NIP at most once). The name is not
   * updated: the importer rejects a row naming a NIP differently.
   * @returns the NIPs whose row was inserted or changed
   */
  async upsertCivilServants(people: readonly CivilServantValues[]): Promise<Set<string>> {
    if (people.length === 0) return new Set();
    const written = await sql<{ nip: string }>`
      INSERT INTO civil_servants (nip, full_name, agency_id, region_code, position, spouse_candidate_id)
      SELECT * FROM unnest(
        ${people.map((p) => p.nip)}::text[], ${people.map((p) => p.fullName)}::text[], ${people.map((p) => p.agencyId)}::int[],
        ${people.map((p) => p.regionCode)}::text[], ${people.map((p) => p.position)}::text[], ${people.map((p) => p.spouseCandidateId)}::int[])
      ON CONFLICT (nip) DO UPDATE SET
        agency_id = excluded.agency_id, region_code = excluded.region_code, position = excluded.position,
        spouse_candidate_id = excluded.spouse_candidate_id, updated_at = now()
      WHERE ${storedDiffersFromExcluded('civil_servants', ['agency_id', 'region_code', 'position', 'spouse_candidate_id'])}
      RETURNING nip`.execute(this.db);
    return new Set(written.rows.map((row) => row.nip));
  }

  /** Who holds each of these platform:handle pairs now, named well enough to tell an operator whose it is. */
  async accountHolders(accounts: readonly AccountRef[]): Promise<Map<string, AccountHolder>> {
    // Each lookup is its own index probe (a LIMIT keeps the planner from turning them into joins
    // that scan every account and person): a batch costs the same in an empty registry and a full one.
    const { rows: holders } = await sql<AccountRef & AccountHolder>`
      SELECT sa.platform, sa.handle, sa.civil_servant_id, sa.candidate_id,
        (SELECT cs.nip FROM civil_servants cs WHERE cs.id = sa.civil_servant_id) AS nip,
        c.label AS candidate_label, c.election_code
      FROM unnest(${accounts.map((a) => a.platform)}::text[], ${accounts.map((a) => a.handle)}::text[]) AS wanted(platform, handle)
      CROSS JOIN LATERAL (
        SELECT * FROM social_accounts sa WHERE sa.platform = wanted.platform AND sa.handle = wanted.handle LIMIT 1
      ) sa
      LEFT JOIN LATERAL (
        SELECT c.label, e.code AS election_code FROM candidates c JOIN elections e ON e.id = c.election_id WHERE c.id = sa.candidate_id LIMIT 1
      ) c ON true`.execute(this.db);
    return new Map(holders.map((holder) => [accountKey(holder), holder]));
  }

  /** Registers each platform:handle to the registered civil servant with that NIP; every pair must be new. */
  async insertCivilServantAccounts(accounts: ReadonlyArray<AccountRef & { nip: string }>): Promise<void> {
    if (accounts.length === 0) return;
    await sql`
      INSERT INTO social_accounts (platform, handle, civil_servant_id)
      SELECT wanted.platform, wanted.handle, (SELECT id FROM civil_servants WHERE civil_servants.nip = wanted.nip)
      FROM unnest(${accounts.map((a) => a.platform)}::text[], ${accounts.map((a) => a.handle)}::text[], ${accounts.map((a) => a.nip)}::bpchar[])
        AS wanted(platform, handle, nip)`.execute(this.db);
  }

  async insertAccount(account: AccountRef, owner: AccountOwner): Promise<void> {
    await this.db
      .insertInto('social_accounts')
      .values({
        platform: account.platform,
        handle: account.handle,
        civil_servant_id: 'civilServantId' in owner ? owner.civilServantId : null,
        candidate_id: 'candidateId' in owner ? owner.candidateId : null,
      })
      .execute();
  }
}

/**
 * `(stored.a, stored.b) IS DISTINCT FROM (excluded.a, excluded.b)` as the ON CONFLICT ... WHERE:
 * an upsert that would change nothing then writes nothing and RETURNING yields no row.
 */
const keptUnlessGiven = (column: 'webhook_url' | 'contact_email') =>
  sql<string | null>`coalesce(${sql.ref(`excluded.${column}`)}, ${sql.ref(`agencies.${column}`)})`;

function storedDiffersFromExcluded<T extends keyof Database>(table: T, columns: ReadonlyArray<keyof Database[T] & string>) {
  const stored = sql.join(columns.map((column) => sql.ref(`${table}.${column}`)));
  const incoming = sql.join(columns.map((column) => sql.ref(`excluded.${column}`)));
  return sql<boolean>`(${stored}) IS DISTINCT FROM (${incoming})`;
}
