import type { World } from '../world/world.js';
import type { DemoCandidate } from './candidates.js';
import type { DemoCivilServant } from './civil-servants.js';
import { momentIn } from './calendar.js';
import { familyNames, firstNames } from './names.js';
import type { Prng } from './prng.js';

/** Campaign accounts opened before their campaigns, one per row of candidates.csv. */
export function createCandidateAccounts(world: World, candidates: readonly DemoCandidate[]): void {
  for (const candidate of candidates) {
    const who = candidate.kind === 'pair' ? `tim kampanye ${candidate.label}` : candidate.label;
    world.createAccount({
      username: candidate.mastodonHandle,
      displayName: candidate.kind === 'pair' ? `${candidate.label} (${candidate.ballotNumber})` : candidate.label,
      note: `Akun resmi ${who}. #${candidate.hashtags[0] ?? 'pemilu2024'}`,
      createdAt: new Date(`${candidate.regionCode ? '2024-08-01' : '2023-06-01'}T03:00:00Z`),
    });
  }
}

export function createCivilServantAccounts(prng: Prng, world: World, people: readonly DemoCivilServant[]): void {
  for (const person of people) {
    world.createAccount({
      username: person.handle,
      displayName: person.displayName,
      note: prng.chance(0.5) ? `${person.position}. Akun pribadi.` : '',
      createdAt: momentIn(prng, { from: '2021-01-04', to: '2023-09-29' }),
    });
  }
}

/** Accounts nobody monitors: the public who like, boost and reply to campaign posts. */
export function createPublicAccounts(prng: Prng, world: World, count: number): string[] {
  const handles: string[] = [];
  while (handles.length < count) {
    const gender = prng.chance(0.5) ? 'male' : 'female';
    const first = prng.pick(firstNames[gender]);
    const last = prng.pick(familyNames.any);
    const username = `${first}${last}${prng.int(1, 999)}`.toLowerCase();
    if (world.findAccount(username)) continue;
    world.createAccount({ username, displayName: `${first} ${last}`, createdAt: momentIn(prng, { from: '2020-01-06', to: '2023-09-29' }) });
    handles.push(username);
  }
  return handles;
}
