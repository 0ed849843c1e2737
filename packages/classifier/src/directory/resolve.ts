import type { ElectionKind } from './directory.js';
import type { DirectoryIndex, IndexedCandidate } from './directory-index.js';
import { electionAppliesTo } from './region.js';

export interface ResolveContext {
  regionCode: string | null | undefined;
  /** YYYY-MM-DD of the post, when known. */
  postedOn: string | undefined;
  /** Election kinds the text names ('capres' -> presidential, 'cagub' -> regional). */
  kindHints: ReadonlySet<ElectionKind>;
  /** Candidates the text names: '✌️ Prabowo' means Prabowo's 02 whatever the region. */
  named: ReadonlySet<IndexedCandidate>;
  /** Restrict to one election (a salute alias is defined for one). */
  electionCode?: string;
}

export interface Resolution {
  candidate: IndexedCandidate;
  /** Other pairs the number could mean, for the reviewer. */
  alternatives: IndexedCandidate[];
  /** Posted after every matching election's vote: the number may no longer mean anything. */
  afterVote: boolean;
}

/**
 * "Nomor 2" means a different pair in Jakarta than in Malang, and in January 2024 than in
 * October 2024. Narrow the pairs holding the number to elections that apply to the ASN's region,
 * then to a pair the text also names, then by election kind named in the text ('capres'), then
 * to the next vote after the post; among what is left prefer the most local election.
 */
export function resolveBallotNumber(index: DirectoryIndex, ballotNumber: number, context: ResolveContext): Resolution | null {
  let pool = (index.byNumber.get(ballotNumber) ?? []).filter(
    (c) => electionAppliesTo(c.election, context.regionCode) && (context.electionCode === undefined || c.election.code === context.electionCode),
  );
  if (pool.length === 0) return null;
  pool = narrow(pool, (c) => context.named.has(c));
  pool = narrow(pool, (c) => context.kindHints.has(c.election.kind));
  let afterVote = false;
  if (context.postedOn !== undefined) {
    const postedOn = context.postedOn;
    const upcoming = pool.filter((c) => c.election.voteOn >= postedOn);
    if (upcoming.length === 0) afterVote = true;
    else {
      const nextVote = upcoming.reduce((min, c) => (c.election.voteOn < min ? c.election.voteOn : min), upcoming[0]!.election.voteOn);
      pool = upcoming.filter((c) => c.election.voteOn === nextVote);
    }
  }
  const [candidate, ...alternatives] = [...pool].sort((a, b) => specificity(b) - specificity(a));
  return { candidate: candidate!, alternatives, afterVote };
}

function narrow(pool: IndexedCandidate[], keep: (c: IndexedCandidate) => boolean): IndexedCandidate[] {
  const kept = pool.filter(keep);
  return kept.length > 0 ? kept : pool;
}

function specificity(c: IndexedCandidate): number {
  return c.election.regionCode === null ? 0 : c.election.regionCode.length;
}
