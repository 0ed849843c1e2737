import type { DemoCandidate } from '../candidates.js';
import { spokenDate } from '../calendar.js';
import type { Prng } from '../prng.js';
import type { CandidateSlots } from './types.js';

const fingers = ['☝️', '✌️', '🤟'];
const numberWords = ['satu', 'dua', 'tiga'];

const placesByRegion: Record<string, readonly string[]> = {
  '31': ['GBK', 'Lapangan Banteng', 'Kemayoran', 'Tanjung Priok', 'Cengkareng', 'Cempaka Putih', 'Pasar Minggu'],
  '35.73': ['Stadion Gajayana', 'Lowokwaru', 'Sukun', 'Blimbing', 'Kedungkandang', 'Alun-alun Merdeka'],
};

export function candidateSlots(prng: Prng, candidate: DemoCandidate, regionCode: string): CandidateSlots {
  const n = candidate.ballotNumber ?? 0;
  return {
    candidate,
    n,
    finger: fingers[n - 1] ?? '',
    jari: numberWords[n - 1] ?? '',
    alias: prng.pick(candidate.aliases.length ? candidate.aliases : [candidate.label]),
    name: prng.pick(candidate.names),
    tag: prng.pick(candidate.hashtags),
    handle: candidate.mastodonHandle,
    voteDay: spokenDate(candidate.voteOn),
    place: prng.pick(placesByRegion[regionCode] ?? placesByRegion['31']!),
  };
}
