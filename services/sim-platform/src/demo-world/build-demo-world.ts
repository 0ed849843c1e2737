import { World } from '../world/world.js';
import { createCandidateAccounts, createCivilServantAccounts, createPublicAccounts } from './accounts.js';
import { engageCivilServants, engagePublic, postCampaigns } from './campaign-activity.js';
import { loadDemoCandidates, type DemoCandidate } from './candidates.js';
import { chooseAllegiances, postEverydayLife, postPartisanActivity, postSpouseActivity } from './civil-servant-posts.js';
import { postPosterActivity } from './poster-posts.js';
import { publishReportedPages, type ReportedPage } from './reported-pages.js';
import { generateCivilServants, type DemoCivilServant } from './civil-servants.js';
import { demoAgencies, demoRegions, type DemoAgency, type DemoRegion } from './institutions.js';
import { Prng } from './prng.js';

export interface DemoScenario {
  world: World;
  regions: readonly DemoRegion[];
  agencies: readonly DemoAgency[];
  civilServants: readonly DemoCivilServant[];
  candidates: readonly DemoCandidate[];
  /** Posts on platforms Netra cannot poll, for the demo's citizen report. */
  reportedPages: readonly ReportedPage[];
}

/** Changing the seed changes every generated name, NIP, post and id: the registry CSVs must then be rewritten. */
const demoSeed = 20240214;
const partisanCount = 18;
const publicAccountCount = 60;

/**
 * The demo's world: the ASN of three agencies in Jakarta and Kota Malang, every campaign account
 * of candidates.csv, and a crowd of the public, with a few hundred posts and the likes, boosts
 * and replies around the campaigns. Deterministic: the same world on every run.
 */
export function buildDemoScenario(options: { candidatesCsvPath?: string } = {}): DemoScenario {
  const prng = new Prng(demoSeed);
  const candidates = loadDemoCandidates(options.candidatesCsvPath);
  const pilkadaPairs = candidates.filter((c) => c.kind === 'pair' && c.regionCode !== null);
  const civilServants = generateCivilServants(prng, demoAgencies, pilkadaPairs);
  const world = new World();

  createCandidateAccounts(world, candidates);
  createCivilServantAccounts(prng, world, civilServants);
  const publicHandles = createPublicAccounts(prng, world, publicAccountCount);

  const campaignPosts = postCampaigns(prng, world, candidates);
  postEverydayLife(prng, world, civilServants, candidates);
  const allegiances = chooseAllegiances(prng, civilServants, candidates, partisanCount);
  postPartisanActivity(prng, world, allegiances);
  postSpouseActivity(prng, world, civilServants);
  engagePublic(prng, world, publicHandles, campaignPosts);
  engageCivilServants(prng, world, civilServants, allegiances, campaignPosts);
  // Last, so the draws above (and the world they make) are as they were before posters.
  postPosterActivity(prng, world, civilServants, allegiances);
  const reportedPages = publishReportedPages(world, allegiances);

  return { world, regions: demoRegions, agencies: demoAgencies, civilServants, candidates, reportedPages };
}

/** Just the world of the demo scenario, to serve with startSimPlatform. */
export function buildDemoWorld(): World {
  return buildDemoScenario().world;
}
