import type { SimStatus } from '../world/types.js';
import type { World } from '../world/world.js';
import { minutesAfter, momentIn } from './calendar.js';
import type { DemoCandidate } from './candidates.js';
import type { DemoCivilServant } from './civil-servants.js';
import type { Allegiance } from './civil-servant-posts.js';
import { postLabelled } from './post-labelled.js';
import type { Prng } from './prng.js';
import { partyCampaignTexts, pairCampaignTexts } from './texts/campaign.js';
import { neutralReplies, numberedSupportiveReplies, publicReplies, supportiveReplies } from './texts/replies.js';
import { candidateSlots } from './texts/slots.js';

export interface CampaignPost {
  status: SimStatus;
  candidate: DemoCandidate;
}

/** Each campaign account posts during its own campaign period. */
export function postCampaigns(prng: Prng, world: World, candidates: readonly DemoCandidate[]): CampaignPost[] {
  const posts: CampaignPost[] = [];
  for (const candidate of candidates) {
    const texts = candidate.kind === 'pair' ? prng.sample(pairCampaignTexts, 5) : partyCampaignTexts;
    for (const text of texts) {
      const slots = candidateSlots(prng, candidate, candidate.regionCode ?? '31');
      const at = momentIn(prng, { from: candidate.campaignStartsOn, to: candidate.campaignEndsOn });
      posts.push({ candidate, status: world.post({ acct: candidate.mastodonHandle, text: text(slots), createdAt: at }) });
    }
  }
  return posts;
}

/** Posts a person could plausibly see and engage with: national ones, and their own region's. */
const reachable = (posts: readonly CampaignPost[], regionCode: string) =>
  posts.filter((p) => p.candidate.regionCode === null || p.candidate.regionCode === regionCode);

/** The public's likes, boosts and replies: the crowd in which the ASN engagements hide. */
export function engagePublic(prng: Prng, world: World, publicHandles: readonly string[], posts: readonly CampaignPost[]): void {
  for (const { status, candidate } of posts) {
    const popularity = prng.next() * 0.9;
    for (const acct of publicHandles) {
      if (prng.chance(popularity)) world.favourite({ acct, statusId: status.id, createdAt: minutesAfter(prng, status.createdAt, 1, 4320) });
      if (prng.chance(popularity / 8)) world.post({ acct, reblogOfId: status.id, createdAt: minutesAfter(prng, status.createdAt, 1, 4320) });
      if (prng.chance(0.04)) {
        const reply = prng.pick(publicReplies)(candidateSlots(prng, candidate, candidate.regionCode ?? '31'));
        world.post({ acct, text: reply, inReplyToId: status.id, createdAt: minutesAfter(prng, status.createdAt, 1, 2880) });
      }
    }
  }
}

/**
 * Partisans like, boost and cheer their side's posts; a few others like one in passing or reply
 * about something else (a neutral reply to a campaign post is not support).
 */
export function engageCivilServants(
  prng: Prng,
  world: World,
  people: readonly DemoCivilServant[],
  allegiances: readonly Allegiance[],
  posts: readonly CampaignPost[],
): void {
  for (const { person, candidate } of allegiances) {
    const own = posts.filter((p) => p.candidate === candidate);
    for (const { status } of prng.sample(own, prng.int(1, 3))) {
      world.favourite({ acct: person.handle, statusId: status.id, createdAt: minutesAfter(prng, status.createdAt, 5, 1440), label: { codes: ['support_like'] } });
    }
    if (prng.chance(0.7)) {
      const { status } = prng.pick(own);
      world.post({ acct: person.handle, reblogOfId: status.id, createdAt: minutesAfter(prng, status.createdAt, 5, 1440), label: { codes: ['support_share'] } });
    }
    if (prng.chance(0.5)) {
      const { status } = prng.pick(own);
      const replies = candidate.kind === 'pair' ? [...supportiveReplies, ...numberedSupportiveReplies] : supportiveReplies;
      const reply = prng.pick(replies)(candidateSlots(prng, candidate, person.regionCode));
      postLabelled(world, person.handle, reply, minutesAfter(prng, status.createdAt, 5, 1440), status.id);
    }
  }
  const partisans = new Set(allegiances.map((a) => a.person));
  const others = prng.shuffle(people.filter((p) => !partisans.has(p) && !p.spouseOf));
  for (const person of others.slice(0, 6)) {
    const { status } = prng.pick(reachable(posts, person.regionCode));
    world.favourite({ acct: person.handle, statusId: status.id, createdAt: minutesAfter(prng, status.createdAt, 5, 2880), label: { codes: ['support_like'] } });
  }
  for (const person of others.slice(6, 11)) {
    const { status } = prng.pick(reachable(posts, person.regionCode));
    postLabelled(world, person.handle, prng.pick(neutralReplies)(), minutesAfter(prng, status.createdAt, 5, 2880), status.id);
  }
  for (const person of people.filter((p) => p.spouseOf).slice(0, 1)) {
    const { status } = prng.pick(posts.filter((p) => p.candidate === person.spouseOf));
    world.favourite({
      acct: person.handle,
      statusId: status.id,
      createdAt: minutesAfter(prng, status.createdAt, 5, 600),
      label: { codes: ['support_like'], note: 'a like for the spouse is still a sign of support (seed 000)' },
    });
  }
}
