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
  const occasion = cues.get('spouseOccasion')?.length ? ' The text names a registration, introduction or accompanying occasion.' : '';
  for (const finding of findings) {
    if (finding.candidate !== spouse || !coveredCodes.has(finding.code)) continue;
    finding.weight = 0;
    finding.notes.push(`allowed exception: ${spouse.label} is the ASN's spouse`);
  }
  return (
    `Spouse of candidate ${spouse.label} (${spouse.election.code}): accompanying the spouse at KPU registration and the public ` +
    `introduction, and photos with the spouse, are allowed without gestures or symbols of support; accompanying during the ` +
    `campaign requires unpaid leave (cuti di luar tanggungan negara). Gestures, symbols and campaign content are still flagged.` +
    occasion
  );
}
