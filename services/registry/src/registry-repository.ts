import { sql, type Kysely } from 'kysely';
import type { Database } from '@netra/db';
import type { AgencyRow } from './validate/agency-row.js';
import type { CandidateRow, ElectionRow } from './validate/candidate-row.js';
import type { AccountRef } from './validate/fields.js';
import type { RegionRow } from './validate/region-row.js';

/** A row written by an upsert: `changed` is false when the stored row already held these values. */
export interface Upserted {
  id: number;
  changed: boolean;
}

export type AccountOwner = { civilServantId: number } | { candidateId: number };

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

  async agencyIdByCode(code: string): Promise<number | undefined> {
    const agency = await this.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
    return agency?.id;
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

  async candidateIdByBallot(electionCode: string, ballotNumber: number): Promise<number | undefined> {
    const candidate = await this.db
      .selectFrom('candidates')
      .innerJoin('elections', 'elections.id', 'candidates.election_id')
      .select('candidates.id')
      .where('elections.code', '=', electionCode)
      .where('candidates.ballot_number', '=', ballotNumber)
      .executeTakeFirst();
    return candidate?.id;
  }

  async civilServantNameByNip(nip: string): Promise<string | undefined> {
    const person = await this.db.selectFrom('civil_servants').select('full_name').where('nip', '=', nip).executeTakeFirst();
    return person?.full_name;
  }

  /** Keyed on NIP. The name is not updated: the importer rejects a row naming a NIP differently. */
  async upsertCivilServant(person: CivilServantValues): Promise<Upserted> {
    const written = await this.db
      .insertInto('civil_servants')
      .values({
        nip: person.nip,
        full_name: person.fullName,
        agency_id: person.agencyId,
        region_code: person.regionCode,
        position: person.position,
        spouse_candidate_id: person.spouseCandidateId,
      })
      .onConflict((oc) =>
        oc
          .column('nip')
          .doUpdateSet((eb) => ({
            agency_id: eb.ref('excluded.agency_id'),
            region_code: eb.ref('excluded.region_code'),
            position: eb.ref('excluded.position'),
            spouse_candidate_id: eb.ref('excluded.spouse_candidate_id'),
            updated_at: sql<Date>`now()`,
          }))
          .where(storedDiffersFromExcluded('civil_servants', ['agency_id', 'region_code', 'position', 'spouse_candidate_id'])),
      )
      .returning('id')
      .executeTakeFirst();
    if (written) return { id: written.id, changed: true };
    const stored = await this.db.selectFrom('civil_servants').select('id').where('nip', '=', person.nip).executeTakeFirstOrThrow();
    return { id: stored.id, changed: false };
  }

  /** Who holds platform:handle now, named well enough to tell an operator whose it is. */
  async accountHolder(account: AccountRef) {
    return this.db
      .selectFrom('social_accounts')
      .leftJoin('civil_servants', 'civil_servants.id', 'social_accounts.civil_servant_id')
      .leftJoin('candidates', 'candidates.id', 'social_accounts.candidate_id')
      .leftJoin('elections', 'elections.id', 'candidates.election_id')
      .select([
        'social_accounts.civil_servant_id',
        'social_accounts.candidate_id',
        'civil_servants.nip',
        'candidates.label as candidate_label',
        'elections.code as election_code',
      ])
      .where('social_accounts.platform', '=', account.platform)
      .where('social_accounts.handle', '=', account.handle)
      .executeTakeFirst();
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
