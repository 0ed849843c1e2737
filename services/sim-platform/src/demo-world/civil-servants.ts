import type { DemoCandidate } from './candidates.js';
import type { DemoAgency } from './institutions.js';
import { familyNames, firstNames, type Gender } from './names.js';
import { generateNip } from './nip.js';
import type { Prng } from './prng.js';

export interface DemoCivilServant {
  nip: string;
  fullName: string;
  gender: Gender;
  agency: DemoAgency;
  regionCode: string;
  position: string;
  /** Mastodon username on the sim instance. */
  handle: string;
  displayName: string;
  /** The Pilkada pair the person is married into: the allowed-exception case. */
  spouseOf: DemoCandidate | null;
}

/** How many wives of Pilkada DKI candidates work in the Jakarta agencies (one per pair drawn). */
const spousesPerDemo = 3;

export function generateCivilServants(prng: Prng, agencies: readonly DemoAgency[], pilkadaPairs: readonly DemoCandidate[]): DemoCivilServant[] {
  const takenNames = new Set<string>();
  const takenHandles = new Set<string>();
  const people: DemoCivilServant[] = [];
  let sequence = 0;
  for (const agency of agencies) {
    for (let i = 0; i < agency.staff; i++) {
      const gender: Gender = prng.chance(0.5) ? 'male' : 'female';
      let fullName: string;
      do {
        fullName = `${prng.pick(firstNames[gender])} ${prng.pick(prng.chance(0.6) ? familyNames[gender] : familyNames.any)}`;
      } while (takenNames.has(fullName));
      takenNames.add(fullName);
      sequence += prng.int(1, 9);
      people.push({
        nip: generateNip(prng, gender, sequence),
        fullName,
        gender,
        agency,
        regionCode: agency.regionCode,
        position: prng.pick(agency.positions),
        handle: uniqueHandle(prng, fullName, agency, takenHandles),
        displayName: displayNameFor(prng, fullName),
        spouseOf: null,
      });
    }
  }
  const pairsInOrder = [...pilkadaPairs].sort((a, b) => (a.ballotNumber ?? 0) - (b.ballotNumber ?? 0));
  const wivesInJakarta = people.filter((p) => p.gender === 'female' && pilkadaPairs.some((pair) => pair.regionCode === p.regionCode));
  prng.sample(wivesInJakarta, spousesPerDemo).forEach((person, index) => {
    person.spouseOf = pairsInOrder[index % pairsInOrder.length] ?? null;
  });
  return people;
}

/** Handles people actually pick: name.surname, nicknames with a year, a regional suffix... */
function uniqueHandle(prng: Prng, fullName: string, agency: DemoAgency, taken: Set<string>): string {
  const [first = 'asn', last = 'x'] = fullName.toLowerCase().split(' ');
  const suffix = agency.regionCode === '35.73' ? 'mlg' : 'jkt';
  const styles = [
    () => `${first}.${last}`,
    () => `${first}_${last}${prng.int(80, 99)}`,
    () => `${first}${last.slice(0, 1)}`,
    () => `${first}_${suffix}`,
    () => `${last}${first.slice(0, 3)}`,
  ];
  let handle = prng.pick(styles)();
  while (taken.has(handle)) handle = `${handle}${prng.int(1, 9)}`;
  taken.add(handle);
  return handle;
}

function displayNameFor(prng: Prng, fullName: string): string {
  const [first = fullName, last = ''] = fullName.split(' ');
  return prng.pick([fullName, `${first} ${last.slice(0, 1)}.`, `${fullName}, S.E.`, `${fullName}, S.Sos.`, `${first} 🌿`, first.toLowerCase()]);
}
