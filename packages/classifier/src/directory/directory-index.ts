import type { LexiconData } from '../data.js';
import { addPhrase, type PhraseIndex } from '../text/phrases.js';
import { rootWords } from '../text/root-words.js';
import type { Tokenise } from '../text/tokenise.js';
import type { Candidate, CandidateDirectory, Election } from './directory.js';

export interface IndexedCandidate extends Candidate {
  election: Election;
}

export interface NameEntry {
  candidate: IndexedCandidate;
  /** An alias that is also an everyday word (AMIN): counts only in capitals or as a hashtag. */
  needsCapitals: boolean;
  /**
   * One word naming a regional candidate ('Risma', 'Sudirman'): for an ASN of another region it
   * is a reference only as a campaign brand (in capitals, 'RIDO', or a hashtag); there a
   * street or a namesake is likelier. For an ASN of that region, or of no known region, it is.
   */
  regionalWord: boolean;
  /** A regional one-word name that is also a root word ('Alam', 'Surya'): written as a name only. */
  needsInitialCapital: boolean;
}

/** The directory compiled for matching: names as token phrases, hashtags, handles, numbers. */
export interface DirectoryIndex {
  names: PhraseIndex<NameEntry>;
  hashtags: Map<string, IndexedCandidate>;
  accounts: Map<string, IndexedCandidate>;
  /** Pairs only: parties have no verified ballot numbers. */
  byNumber: Map<number, IndexedCandidate[]>;
  byLabel: Map<string, IndexedCandidate>;
  byId: Map<number, IndexedCandidate>;
}

export function indexDirectory(directory: CandidateDirectory, tokenise: Tokenise, lexicon: LexiconData): DirectoryIndex {
  const elections = new Map(directory.elections.map((e) => [e.code, e]));
  const commonWords = new Set(lexicon.commonWordAliases.words);
  const index: DirectoryIndex = {
    names: new Map(),
    hashtags: new Map(),
    accounts: new Map(),
    byNumber: new Map(),
    byLabel: new Map(),
    byId: new Map(),
  };
  for (const c of directory.candidates) {
    const election = elections.get(c.electionCode);
    if (!election) throw new Error(`candidate ${c.label} names unknown election ${c.electionCode}`);
    const candidate: IndexedCandidate = { ...c, election };
    index.byLabel.set(c.label, candidate);
    if (c.id !== undefined) index.byId.set(c.id, candidate);
    for (const name of new Set([c.label, ...c.names, ...c.aliases])) {
      const norms = tokenise(name).tokens.map((t) => t.norm);
      const oneWord = norms.length === 1;
      const needsCapitals = oneWord && commonWords.has(norms[0]!);
      const regionalWord = oneWord && election.regionCode !== null;
      addPhrase(index.names, norms, { candidate, needsCapitals, regionalWord, needsInitialCapital: regionalWord && rootWords.has(norms[0]!) });
    }
    for (const tag of c.hashtags) index.hashtags.set(tag.toLowerCase(), candidate);
    for (const account of c.accounts ?? []) index.accounts.set(handleOf(account), candidate);
    if (c.kind === 'pair' && c.ballotNumber !== null) {
      const same = index.byNumber.get(c.ballotNumber);
      if (same) same.push(candidate);
      else index.byNumber.set(c.ballotNumber, [candidate]);
    }
  }
  return index;
}

/** 'mastodon:tkn_prabowogibran' and '@tkn_prabowogibran@host' both name 'tkn_prabowogibran'. */
function handleOf(account: string): string {
  const withoutPlatform = account.includes(':') ? account.slice(account.indexOf(':') + 1) : account;
  return withoutPlatform.replace(/^@/, '').split('@')[0]!.toLowerCase();
}
