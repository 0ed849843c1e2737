import type { RulesData } from '../data.js';
import type { DirectoryIndex } from '../directory/directory-index.js';
import type { KnownImageMatch } from '../types.js';
import type { Finding } from './finding.js';

/**
 * An image the ASN posted that is a copy of one a candidate's or party's official account
 * posted is that campaign's material, re-uploaded: campaign content, with the candidate known
 * from whose image it is. A near-identical hash (a resize, recompression, small mark) says so on
 * its own; a looser one (a crop, a frame, a screenshot of it) counts only when the words read in
 * both images agree too, since posters of one layout can hash close (bench media_ocr: ≥ 6 bits).
 */
export function knownImageFindings(matches: readonly KnownImageMatch[], index: DirectoryIndex, rules: RulesData): Finding[] {
  const weights = rules.knownImage;
  return matches.flatMap((match): Finding[] => {
    const candidate = index.byId.get(match.candidateId);
    if (!candidate) return [];
    const copy = match.distance <= weights.copyDistance;
    const backed = match.distance <= weights.nearDistance && match.sharedWords >= weights.minSharedWords;
    if (!copy && !backed) return [];
    const where = match.postUrl ? ` (${match.postUrl})` : '';
    return [
      {
        code: 'campaign_content',
        weight: copy ? weights.copyWeight : weights.backedWeight,
        cues: [],
        source: `media:${match.mediaIndex}`,
        candidate,
        symbol: `gambar ${candidate.label}`,
        knownImage: { sha256: match.knownSha256 ?? null, postUrl: match.postUrl, distance: match.distance },
        notes: [
          `gambar ini sama dengan gambar di postingan ${candidate.label}${where}: beda hash ${match.distance} dari 64 bit` +
            (copy ? '' : `, ${match.sharedWords} kata yang terbaca sama`),
        ],
      },
    ];
  });
}
