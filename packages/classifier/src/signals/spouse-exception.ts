import type { IndexedCandidate } from '../directory/directory-index.js';
import { refCategories, type Cues } from './cues.js';
import type { Finding } from './finding.js';

/** Codes the spouse exception covers: appearing with, and passively accompanying, the spouse. */
const coveredCodes = new Set(['photo_with_candidate', 'campaign_attendance']);

/**
 * An ASN whose spouse is a candidate may accompany them at KPU registration and the public
 * introduction and appear in photos with them, without gestures or symbols of support (seeds 000,
 * 004). Those findings are kept for the reviewer with weight 0; gestures, symbols and campaign
 * content stay flagged. Returns the exception text whenever the spouse is referenced.
 */
export function applySpouseException(findings: Finding[], cues: Cues, spouse: IndexedCandidate | undefined): string | undefined {
  if (!spouse || !cues.get(refCategories.any)?.some((cue) => cue.candidate === spouse)) return undefined;
  const occasion = cues.get('spouseOccasion')?.length ? ' Teks menyebut pendaftaran, pengenalan atau kegiatan mendampingi.' : '';
  for (const finding of findings) {
    if (finding.candidate !== spouse || !coveredCodes.has(finding.code)) continue;
    finding.weight = 0;
    finding.notes.push(`pengecualian yang diizinkan: ${spouse.label} adalah pasangan ASN ini`);
  }
  return (
    `Pasangan calon ${spouse.label} (${spouse.election.code}): mendampingi pasangan saat pendaftaran di KPU dan pengenalan ` +
    `kepada publik, serta berfoto bersama pasangan, diperbolehkan tanpa gerakan tangan atau simbol dukungan; mendampingi selama ` +
    `masa kampanye wajib cuti di luar tanggungan negara. Gerakan tangan, simbol dan konten kampanye tetap ditandai.` +
    occasion
  );
}
