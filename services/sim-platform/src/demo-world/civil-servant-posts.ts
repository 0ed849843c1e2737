import type { World } from '../world/world.js';
import { campaignWindowOf, everydayWindow, momentIn, type DateWindow } from './calendar.js';
import type { DemoCandidate } from './candidates.js';
import type { DemoCivilServant } from './civil-servants.js';
import { Deck } from './decks.js';
import { postLabelled } from './post-labelled.js';
import type { Prng } from './prng.js';
import { everydayTexts } from './texts/everyday.js';
import { neutralityTexts } from './texts/neutrality.js';
import { officeTexts } from './texts/office.js';
import { malangSelfCandidacy, pairPostTemplates, partyPostTemplates, salamEmpatJari } from './texts/partisan.js';
import { roughen } from './texts/roughen.js';
import { trickyTexts } from './texts/tricky.js';
import { candidateSlots } from './texts/slots.js';
import { spouseAppeal, spouseAtIntroduction, spouseAtRegistration, spouseOnLeave } from './texts/spouse.js';
import type { EverydayText, LabelledText } from './texts/types.js';

/** An ASN who favours one pair or party, and shows it. */
export interface Allegiance {
  person: DemoCivilServant;
  candidate: DemoCandidate;
}

/** Before the legislative campaign: when would-be candidates approach parties (PP 94/2021). */
const preCampaignWindow: DateWindow = { from: '2023-10-02', to: '2023-11-27' };
/** "Salam 4 jari" spread in the last weeks of the Pilpres campaign. */
const salamEmpatJariWindow: DateWindow = { from: '2024-01-25', to: '2024-02-10' };
const pilwaliMalangNominationWindow: DateWindow = { from: '2024-05-06', to: '2024-08-23' };

/** Everyone's ordinary posting: life, work, service announcements, neutrality talk, tricky numbers. */
export function postEverydayLife(prng: Prng, world: World, people: readonly DemoCivilServant[], candidates: readonly DemoCandidate[]): void {
  const windowOf = (item: EverydayText): DateWindow => {
    if (item.on) return { from: item.on, to: item.on };
    const election = item.during && candidates.find((c) => c.electionCode === item.during);
    return election ? campaignWindowOf(election) : everydayWindow;
  };
  const decks = {
    everyday: new Deck(prng, everydayTexts),
    neutrality: new Deck(prng, neutralityTexts),
    tricky: new Deck(prng, trickyTexts),
    dukcapil: new Deck(prng, officeTexts.dukcapil),
    kemenag: new Deck(prng, officeTexts.kemenag),
    pemkot: new Deck(prng, officeTexts.pemkot),
    anyOffice: new Deck(prng, officeTexts.any),
  };
  for (const person of people) {
    const used = new Set<string>();
    const fits = (item: EverydayText) => (!item.region || item.region === person.regionCode) && !used.has(item.text);
    for (let i = prng.int(4, 8); i > 0; i--) {
      const roll = prng.next();
      const deck =
        roll < 0.42 ? decks.everyday : roll < 0.62 ? decks[person.agency.kind] : roll < 0.72 ? decks.anyOffice : roll < 0.87 ? decks.tricky : decks.neutrality;
      const item = deck.draw(fits);
      used.add(item.text);
      const casual = deck === decks.everyday || deck === decks.tricky || deck === decks.anyOffice;
      const at = momentIn(prng, windowOf(item));
      postLabelled(world, person.handle, { text: casual ? roughen(prng, item.text) : item.text, codes: [], media: item.media }, at);
    }
  }
}

/**
 * Picks who is partisan and for whom: a few for parties (including would-be legislators), the
 * rest for a Pilpres pair or, in Jakarta, a Pilgub DKI pair. Spouses of candidates are left out:
 * their posts are the exception case.
 */
export function chooseAllegiances(prng: Prng, people: readonly DemoCivilServant[], candidates: readonly DemoCandidate[], count: number): Allegiance[] {
  const parties = candidates.filter((c) => c.kind === 'party');
  const presidential = candidates.filter((c) => c.kind === 'pair' && c.regionCode === null);
  const regionalFor = (region: string) => candidates.filter((c) => c.kind === 'pair' && c.regionCode === region);
  const eligible = prng.sample(people.filter((p) => !p.spouseOf), count);
  return eligible.map((person, index) => {
    const regional = regionalFor(person.regionCode);
    const pool = index < 3 ? parties : regional.length && index % 2 === 0 ? regional : presidential;
    return { person, candidate: prng.pick(pool) };
  });
}

export function postPartisanActivity(prng: Prng, world: World, allegiances: readonly Allegiance[]): void {
  const pairDeck = new Deck(prng, pairPostTemplates);
  const partyDeck = new Deck(prng, partyPostTemplates);
  for (const { person, candidate } of allegiances) {
    const deck = candidate.kind === 'party' ? partyDeck : pairDeck;
    const used = new Set<unknown>();
    for (let i = prng.int(2, 4); i > 0; i--) {
      const template = deck.draw((t) => !used.has(t));
      used.add(template);
      const post = template(candidateSlots(prng, candidate, person.regionCode));
      const window = post.codes.includes('self_candidacy') ? preCampaignWindow : campaignWindowOf(candidate);
      postLabelled(world, person.handle, { ...post, text: roughen(prng, post.text) }, momentIn(prng, window));
    }
    if (candidate.electionCode === 'pilpres-2024' && candidate.ballotNumber !== 2 && prng.chance(0.5)) {
      postLabelled(world, person.handle, salamEmpatJari, momentIn(prng, salamEmpatJariWindow));
    }
  }
  const malangPerson = allegiances.find((a) => a.person.regionCode === '35.73')?.person;
  if (malangPerson) postLabelled(world, malangPerson.handle, malangSelfCandidacy, momentIn(prng, pilwaliMalangNominationWindow));
}

/** The spouse cases, in the order registration (allowed), appeal (not allowed), introduction and leave (allowed). */
export function postSpouseActivity(prng: Prng, world: World, people: readonly DemoCivilServant[]): void {
  const spouses = people.filter((p) => p.spouseOf).sort((a, b) => (a.spouseOf!.ballotNumber ?? 0) - (b.spouseOf!.ballotNumber ?? 0));
  const stories: ((person: DemoCivilServant) => void)[] = [
    (person) => postLabelled(world, person.handle, spouseAtRegistration(), momentIn(prng, { from: '2024-08-28', to: '2024-08-28' })),
    (person) => {
      const post: LabelledText = spouseAppeal(candidateSlots(prng, person.spouseOf!, person.regionCode));
      postLabelled(world, person.handle, post, momentIn(prng, campaignWindowOf(person.spouseOf!)));
    },
    (person) => {
      postLabelled(world, person.handle, spouseAtIntroduction(), momentIn(prng, { from: '2024-09-23', to: '2024-09-23' }));
      postLabelled(world, person.handle, spouseOnLeave(), momentIn(prng, { from: '2024-09-24', to: '2024-09-24' }));
    },
  ];
  spouses.forEach((person, index) => stories[index % stories.length]!(person));
}
