import type { Db } from '../connection.js';

export interface AgencySettingsChange {
  requiresFourEyes?: boolean;
  emailCases?: boolean;
  webhookUrl?: string | null;
  contactEmail?: string | null;
}

/** How each agency receives and approves cases: set by an admin, read by review and forwarder. */
export class AgencySettingsRepository {
  constructor(private readonly db: Db) {}

  /** Code and name of every agency, or of one: the choices of a filter within a scope. */
  async choices(onlyAgencyId: number | null) {
    const agencies = this.db.selectFrom('agencies').select(['id', 'code', 'name']);
    return (onlyAgencyId === null ? agencies : agencies.where('id', '=', onlyAgencyId)).orderBy('name').execute();
  }

  async idByCode(code: string): Promise<number | undefined> {
    return (await this.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst())?.id;
  }

  async list() {
    return this.db
      .selectFrom('agencies')
      .select(['id', 'code', 'name', 'region_code', 'webhook_url', 'contact_email', 'requires_four_eyes', 'email_cases'])
      .orderBy('code')
      .execute();
  }

  async update(agencyId: number, change: AgencySettingsChange): Promise<boolean> {
    const set = {
      ...(change.requiresFourEyes !== undefined ? { requires_four_eyes: change.requiresFourEyes } : {}),
      ...(change.emailCases !== undefined ? { email_cases: change.emailCases } : {}),
      ...(change.webhookUrl !== undefined ? { webhook_url: change.webhookUrl } : {}),
      ...(change.contactEmail !== undefined ? { contact_email: change.contactEmail } : {}),
    };
    if (Object.keys(set).length === 0) {
      return (await this.db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst()) !== undefined;
    }
    const result = await this.db.updateTable('agencies').set(set).where('id', '=', agencyId).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
