import type { DemoScenario } from './build-demo-world.js';
import { fileURLToPath } from 'node:url';
import { formatCsv } from './csv.js';

/** Where the committed demo data lives: data/demo/ at the repository root. */
export const demoDataDirectory = fileURLToPath(new URL('../../../../data/demo/', import.meta.url));

/** The registry files Netra's importer reads (data/README.md), generated from the demo world. */
export function registryCsvFiles(demo: Pick<DemoScenario, 'regions' | 'agencies' | 'civilServants'>): Record<string, string> {
  return {
    'regions.csv': formatCsv(
      ['code', 'name', 'parent_code'],
      demo.regions.map((r) => ({ code: r.code, name: r.name, parent_code: r.parentCode ?? '' })),
    ),
    'agencies.csv': formatCsv(
      ['code', 'name', 'region_code', 'webhook_url', 'contact_email'],
      // webhook_url stays empty: the demo points it at its own receiver when it runs.
      demo.agencies.map((a) => ({ code: a.code, name: a.name, region_code: a.regionCode, webhook_url: '', contact_email: a.contactEmail })),
    ),
    'civil-servants.csv': formatCsv(
      ['nip', 'full_name', 'agency_code', 'region_code', 'position', 'platform', 'handle', 'spouse_of'],
      demo.civilServants.map((p) => ({
        nip: p.nip,
        full_name: p.fullName,
        agency_code: p.agency.code,
        region_code: p.regionCode,
        position: p.position,
        platform: 'mastodon',
        handle: p.handle,
        spouse_of: p.spouseOf ? `${p.spouseOf.electionCode}#${p.spouseOf.ballotNumber}` : '',
      })),
    ),
  };
}
