import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@netra/core';
import { createUser, ReportRepository, updateUser, type Db } from '@netra/db';
import { importAgencies, importCandidates, importCivilServants, importRegions } from '@netra/registry';
import type { ReportedPage } from '@netra/sim-platform';

const demoData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/demo');

/**
 * Imports the demo registry through the same importer operators use, in dependency order.
 * Safe to repeat: the importer upserts on natural keys.
 */
export async function importDemoRegistry(db: Db): Promise<void> {
  const steps = [
    ['regions.csv', importRegions],
    ['agencies.csv', importAgencies],
    ['candidates.csv', importCandidates],
    ['civil-servants.csv', importCivilServants],
  ] as const;
  for (const [file, importFile] of steps) {
    const result = await importFile(db, await readFile(path.join(demoData, file), 'utf8'), { fileName: file });
    if (result.rejected.length > 0) {
      throw new Error(`demo data ${file} has rejected rows: ${result.rejected.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}`);
    }
  }
}

/**
 * The demo's citizen report: the ASN's account on the reported platform is registered (not
 * polled: it only links reports), and the report filed as /lapor would file it, once per run.
 */
export async function fileDemoReports(db: Db, pages: readonly ReportedPage[]): Promise<void> {
  const reports = new ReportRepository(db);
  for (const page of pages) {
    const civilServant = await db.selectFrom('civil_servants').select('id').where('nip', '=', page.nip).executeTakeFirstOrThrow();
    await db
      .insertInto('social_accounts')
      .values({ platform: page.platform, handle: page.handle, platform_account_id: null, civil_servant_id: civilServant.id, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const filed = await db.selectFrom('reports').select('id').where('url', '=', page.url).executeTakeFirst();
    if (!filed) {
      await reports.create({ source: 'public', submittedBy: null, url: page.url, platform: page.platform, handle: page.handle, description: page.description, contact: 'warga.peduli@example.test', uploadSha256: null });
    }
  }
}

/** Points every agency's case intake at the demo inbox. */
export async function routeAgenciesTo(db: Db, urlFor: (agencyCode: string) => string): Promise<void> {
  const agencies = await db.selectFrom('agencies').select(['id', 'code']).execute();
  for (const agency of agencies) {
    await db.updateTable('agencies').set({ webhook_url: urlFor(agency.code) }).where('id', '=', agency.id).execute();
  }
}

export interface DemoUser {
  email: string;
  role: Role;
  agency: string | null;
}

/** One user per role: a reviewer and a supervisor per agency, a central reviewer, an analyst, an admin. */
export async function createDemoUsers(db: Db, password: string): Promise<DemoUser[]> {
  const agencies = await db.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('code').execute();
  const wanted: (DemoUser & { agencyId: number | null; name: string })[] = [
    ...agencies.flatMap((a) =>
      (['reviewer', 'supervisor'] as const).map((role) => ({
        email: `${role}.${a.code.toLowerCase()}@demo.netra.local`,
        role,
        agency: a.code,
        agencyId: a.id,
        name: `${role === 'reviewer' ? 'Peninjau' : 'Supervisor'} ${a.name}`,
      })),
    ),
    { email: 'central@demo.netra.local', role: 'central_reviewer', agency: null, agencyId: null, name: 'Peninjau Pusat (BKN)' },
    { email: 'analyst@demo.netra.local', role: 'analyst', agency: null, agencyId: null, name: 'Analis' },
    { email: 'admin@demo.netra.local', role: 'admin', agency: null, agencyId: null, name: 'Admin' },
  ];
  const existing = new Map((await db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));
  for (const user of wanted) {
    const id = existing.get(user.email);
    // A re-run may use another password: reset it, so the one printed is always the one that works.
    if (id !== undefined) await updateUser(db, id, { password });
    else await createUser(db, { email: user.email, displayName: user.name, role: user.role, agencyId: user.agencyId, password });
  }
  return wanted.map(({ email, role, agency }) => ({ email, role, agency }));
}
