import type { World } from '../world/world.js';
import { campaignWindowOf, momentIn } from './calendar.js';
import type { Allegiance } from './civil-servant-posts.js';
import type { DemoCivilServant } from './civil-servants.js';
import type { Prng } from './prng.js';

const campaignRed = '#b00020';

/** The poster a pair's campaign posts and a supporter re-uploads: number, names, vote day. */
function campaignPoster(allegiance: Allegiance): string[] {
  const { candidate } = allegiance;
  return ['AYO COBLOS', `NOMOR ${candidate.ballotNumber}`, candidate.label.toUpperCase(), `PILIH ${candidate.voteOn.slice(0, 4)}`];
}

/**
 * Photos as evidence: two supporters re-upload their pair's campaign poster under a harmless
 * caption (only the image says it, and the campaign's own post shows the same poster), and two
 * colleagues post images that mention the election without taking a side — a neutrality
 * reminder and an office notice. Ground truth says which is which.
 */
export function postPosterActivity(prng: Prng, world: World, people: readonly DemoCivilServant[], allegiances: readonly Allegiance[]): void {
  const supporters = allegiances.filter((a) => a.candidate.kind === 'pair' && a.candidate.ballotNumber !== null).slice(0, 2);
  for (const allegiance of supporters) {
    const poster = { content: { poster: campaignPoster(allegiance), background: campaignRed } };
    // The supporter's copy is the campaign's poster saved and uploaded again: smaller, recompressed.
    const copy = { content: { ...poster.content, copy: { width: 720, quality: 70 } } };
    const at = momentIn(prng, campaignWindowOf(allegiance.candidate));
    world.post({ acct: allegiance.candidate.mastodonHandle, text: `Mari bersama menangkan pilihan rakyat! #${allegiance.candidate.hashtags[0] ?? 'pemilu'}`, createdAt: at, media: [poster] });
    world.post({
      acct: allegiance.person.handle,
      text: 'Semangat pagi rekan-rekan 🙏',
      createdAt: new Date(at.getTime() + 3 * 3_600_000),
      media: [copy],
      label: { codes: ['number_symbol', 'campaign_content'], note: 'the poster in the photo, not the caption, campaigns' },
    });
  }
  const partisans = new Set(allegiances.map((a) => a.person.handle));
  const [reminder, notice] = prng.sample(people.filter((p) => !partisans.has(p.handle) && !p.spouseOf), 2);
  const pemiluDay = new Date('2024-02-10T02:00:00Z');
  if (reminder) {
    world.post({
      acct: reminder.handle,
      text: 'Pengingat untuk kita semua',
      createdAt: pemiluDay,
      media: [{ content: { poster: ['ASN NETRAL', 'PEMILU 2024', 'TOLAK POLITIK PRAKTIS', 'JAGA NETRALITAS ASN'], background: '#0d47a1' } }],
      label: { codes: [] },
    });
  }
  if (notice) {
    world.post({
      acct: notice.handle,
      text: 'Mohon perhatian warga',
      createdAt: new Date(pemiluDay.getTime() + 3_600_000),
      media: [{ content: { poster: ['PENGUMUMAN', 'PELAYANAN KTP-EL', 'TUTUP 14 FEBRUARI 2024', 'HARI PEMUNGUTAN SUARA'], background: '#2e7d32' } }],
      label: { codes: [] },
    });
  }
}
