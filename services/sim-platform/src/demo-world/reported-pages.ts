import type { World } from '../world/world.js';
import type { Allegiance } from './civil-servant-posts.js';

/** A post on a platform Netra cannot poll, of a demo ASN, for a citizen to report. */
export interface ReportedPage {
  nip: string;
  platform: 'tiktok';
  handle: string;
  /** The post's address; the demo's browser is pointed at the sim for its host. */
  url: string;
  /** What the citizen writes in the report. */
  description: string;
}

/**
 * One TikTok video page of a partisan ASN, as an anonymous visitor sees it: the caption and the
 * campaign poster in the video's cover. TikTok is the platform here because Chromium does not
 * force its host to HTTPS (facebook.com, instagram.com and others are HSTS-preloaded), so the
 * sim can stand in for it over plain HTTP.
 */
export function publishReportedPages(world: World, allegiances: readonly Allegiance[]): ReportedPage[] {
  const partisan = allegiances.find((a) => a.candidate.kind === 'pair' && a.candidate.ballotNumber !== null);
  if (!partisan) return [];
  const handle = `${partisan.person.handle.replace(/[^a-z0-9_.]/gi, '')}.tt`;
  const path = `/@${handle}/video/7312345678901234567`;
  const { candidate } = partisan;
  world.publishWebPage(path, {
    title: `${partisan.person.displayName} (@${handle}) | TikTok`,
    author: partisan.person.displayName,
    text: `Sudah mantap pilihan 🔥 ${candidate.hashtags[0] ? `#${candidate.hashtags[0]}` : ''}`.trim(),
    poster: ['COBLOS', `NOMOR ${candidate.ballotNumber}`, candidate.label.toUpperCase()],
  });
  return [
    {
      nip: partisan.person.nip,
      platform: 'tiktok',
      handle,
      url: `http://www.tiktok.com${path}`,
      description: `Akun TikTok ini milik pegawai ${partisan.person.agency.name}. Videonya mengajak memilih ${candidate.label}.`,
    },
  ];
}
