import type { NormalisationData, SymbolsData } from '../data.js';
import type { DirectoryIndex, IndexedCandidate } from '../directory/directory-index.js';
import { resolveBallotNumber, type ResolveContext } from '../directory/resolve.js';
import type { Doc, Token } from '../text/tokenise.js';
import { addRef } from './candidate-refs.js';
import { cueFromTokens, hasCue, refCategories, type Cues } from './cues.js';
import type { Finding } from './finding.js';
import { inReportingSentence, type ReportingRegister } from './register.js';

/** A number or finger salute that may stand for a ballot number, before resolution. */
interface SymbolSighting {
  fingers: number;
  first: number;
  last: number;
  weight: number;
  /** Shown to the reviewer: '02', 'salam 2 jari', '✌ (2 jari)'. */
  symbol: string;
  emoji: boolean;
  /** News naming the pair by its number: a reference for the other rules, weak as a symbol. */
  reference: boolean;
  /** A bare gesture or a negated marker: see Finding.weakAlone. */
  weakAlone?: boolean;
  note?: string;
}

export type FindNumberSymbols = (doc: Doc, cues: Cues, context: ResolveContext, negatedActions: ReadonlySet<number>, register: () => ReportingRegister | undefined) => Finding[];

/**
 * Ballot numbers in context ('coblos no 2', 'nomor urut 2', '01 menang', '#02', 'salam dua
 * jari', ✌️ beside campaign words) resolve to the pair the number means for this ASN. Numbers
 * that count things ('juara 2', 'lantai 2', '2 hari lagi', dates, prices) are not symbols; a
 * bare ✌️ is an everyday pose and stays below the flag threshold. Resolved numbers also become
 * candidate references for the other rules ('ayo coblos 02' is mobilisation for that pair).
 * News names pairs by number ('Capres nomor urut 3 hadiri dialog'): in a reporting sentence, a
 * number marked only by nouns is a reference to the pair, not a salute. A negated marker ('jangan coblos 02') is against the pair, not for it.
 * Number words count after 'nomor' or 'coblos' ('coblos nomer telu').
 */
export function createNumberSymbolFinder(symbols: SymbolsData, normalisation: NormalisationData, index: DirectoryIndex, flagThreshold: number): FindNumberSymbols {
  const fillers = new Set(symbols.numberFillers);
  const markers = new Set(symbols.ballotMarkers);
  const notBefore = new Set(symbols.notSymbolBefore);
  const unitsAfter = new Set([...symbols.unitsAfter, ...symbols.monthsAfter]);
  const referenceMarkers = new Set(symbols.referenceMarkers);
  const saluteTalk = new Set(symbols.saluteTalkBefore);
  const numberWordMarkers = new Set(symbols.numberWordMarkers);
  const numberWords = new Map(Object.entries(normalisation.numberWords));
  const weights = symbols.weights;

  const fingersOf = (token: Token | undefined): number => {
    if (!token) return -1;
    if (token.kind === 'number') return token.value;
    return numberWords.get(token.norm) ?? -1;
  };

  const isAction = (cues: Cues, at: number): boolean =>
    ['campaignAction', 'cheer', 'insistence'].some((category) => cues.get(category)?.some((cue) => Math.abs(cue.at - at) <= 2 && cue.at !== at));

  function sightings(doc: Doc, cues: Cues, negatedActions: ReadonlySet<number>, register: () => ReportingRegister | undefined): SymbolSighting[] {
    const { tokens } = doc;
    // 'pilih' and cheers are everyday words in reviews ('pilih menu', 'mantap, nomor 1'): only
    // words that belong to elections make a bare number or salute look like a ballot number.
    const context = hasCue(cues, 'ballotContext') || hasCue(cues, 'contestWord') || hasCue(cues, refCategories.named);
    const found: SymbolSighting[] = [];
    // 'nomor urut 2 di lomba paduan suara', 'nomor 1 krem': numbering another contest or a menu.
    const otherContest = new Set((cues.get('otherContest') ?? []).map((c) => c.sentence));
    // 'nomor urut' itself numbers contests of every kind: it does not make the sentence electoral.
    const electionWords = new Set(
      [...(cues.get('ballotContext') ?? []), ...(cues.get('contestWord') ?? []).filter((c) => tokens[c.at]!.norm !== 'nomor'), ...(cues.get(refCategories.named) ?? [])].map((c) => c.sentence),
    );
    const saluteFingers = new Set(tokens.filter((t) => t.kind === 'salute').map((t) => t.value));
    // 'abdi mah dua ✌️', 'siji thok ☝️': a number and the matching salute, said as a choice.
    const saysChoice = (at: number): boolean =>
      context || ['onlyWord', 'insistence'].some((category) => cues.get(category)?.some((cue) => Math.abs(cue.at - at) <= 2 && cue.at !== at));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if (token.kind === 'salute') {
        if (prev?.norm === token.norm) continue; // '✌️✌️✌️' is one salute
        found.push({ fingers: token.value, first: i, last: i, weight: context ? weights.emojiWithContext : weights.emojiAlone, symbol: `${token.norm} (${token.value} jari)`, emoji: true, reference: false, weakAlone: true });
        continue;
      }
      if (token.norm === symbols.fingerWord) {
        const fingers = fingersOf(prev);
        if (fingers < 1) continue;
        const salute = tokens[i - 2]?.norm === symbols.saluteLead;
        const talkedAbout = saluteTalk.has(tokens[(salute ? i - 3 : i - 2)]?.norm ?? '');
        const weight = talkedAbout ? weights.fingersAlone : salute ? weights.salutePhrase : context ? weights.fingersWithContext : weights.fingersAlone;
        const note = talkedAbout ? 'membicarakan salam jari atau menggambarkan pose, bukan memberikannya' : undefined;
        found.push({ fingers, first: salute ? i - 2 : i - 1, last: i, weight, symbol: `salam ${fingers} jari`, emoji: false, reference: false, weakAlone: true, ...(note ? { note } : {}) });
        continue;
      }
      if (otherContest.has(token.sentence) && !electionWords.has(token.sentence)) continue;
      const value = token.kind === 'number' ? token.value : token.kind === 'word' ? (numberWords.get(token.norm) ?? -1) : -1;
      if (value < 1 || value > symbols.maxBallotNumber) continue;
      if (next?.norm === symbols.fingerWord) continue; // read as a salute above
      if ((next && unitsAfter.has(next.norm)) || (prev && notBefore.has(prev.norm))) continue;
      const corroborated = saluteFingers.has(value) && saysChoice(i);
      if (token.kind === 'word' && !(prev && numberWordMarkers.has(prev.norm)) && !corroborated) continue;
      // A keycap digit ('2️⃣') is drawn as a symbol, as a padded '02' is written as one.
      const symbolic = token.padded || (token.kind === 'number' && doc.original.slice(token.start, token.end).includes('\u20E3'));
      const symbol = String(value).padStart(2, '0');
      const sighting = { fingers: value, first: i, last: i, symbol, emoji: false, reference: false };
      let first = i;
      while (first > 0 && fillers.has(tokens[first - 1]!.norm) && i - first < 2) first--;
      const marker = tokens[first - 1];
      if (marker && markers.has(marker.norm) && marker.sentence === token.sentence) {
        // Show the whole marker run to the reviewer: 'coblos nomor urut 2', not 'urut 2'.
        let from = first - 1;
        while (from > 0 && i - from < 4 && (fillers.has(tokens[from - 1]!.norm) || markers.has(tokens[from - 1]!.norm))) from--;
        const run = tokens.slice(from, first).filter((t) => markers.has(t.norm));
        if (tokens.slice(from, first).some((_, k) => negatedActions.has(from + k))) {
          found.push({ ...sighting, first: from, weight: weights.negatedMarker, weakAlone: true, note: 'disangkal: menolak pasangan itu, bukan mendukungnya' });
        } else if (run.every((t) => referenceMarkers.has(t.norm)) && !isAction(cues, i) && readsAsReport(register(), token.sentence)) {
          found.push({ ...sighting, first: from, weight: weights.numberAsReference, reference: true, note: 'terbaca sebagai berita yang menyebut pasangan dengan nomor urutnya, bukan sebagai salam' });
        } else {
          found.push({ ...sighting, first: from, weight: weights.markedNumber });
        }
      } else if (corroborated) {
        found.push({ ...sighting, first, weight: weights.corroboratedBySalute, note: 'nomor dan salam jari di sebelahnya sama' });
      } else if (token.kind === 'word') {
        if (value === 1) continue; // 'keselamatan nomor satu': the best, not a ballot number
        found.push({ ...sighting, first, weight: context ? weights.numberWithContext : weights.numberAlone });
      } else if (token.hashtag) {
        found.push({ ...sighting, weight: token.padded || context ? weights.hashtagNumber : weights.numberAlone, symbol: `#${symbol}` });
      } else if (symbolic && isAction(cues, i)) {
        found.push({ ...sighting, weight: weights.paddedNumberWithAction });
      } else if (symbolic || first < i) {
        found.push({ ...sighting, first, weight: context ? weights.numberWithContext : weights.numberAlone });
      }
    }
    return found;
  }

  return function findNumberSymbols(doc, cues, context, negatedActions, register) {
    const findings: Finding[] = [];
    for (const sighting of withoutRepeatedWeakSightings(sightings(doc, cues, negatedActions, register), flagThreshold)) {
      const alias = symbols.saluteAliases.find((a) => a.fingers === sighting.fingers);
      const numbers = alias ? alias.ballotNumbers : [sighting.fingers];
      const resolveIn: ResolveContext = alias ? { ...context, electionCode: alias.electionCode } : context;
      const resolutions = numbers.map((n) => resolveBallotNumber(index, n, resolveIn)).filter((r) => r !== null);
      const finding: Finding = { code: 'number_symbol', weight: sighting.weight, cues: [cueFromTokens('symbol', doc.tokens, sighting.first, sighting.last)], source: 'text', symbol: sighting.symbol, notes: [] };
      if (sighting.weakAlone) finding.weakAlone = true;
      if (alias) finding.notes.push(alias.note);
      if (sighting.note) finding.notes.push(sighting.note);
      const [resolved, ...others] = resolutions;
      if (!resolved) {
        finding.weight *= weights.unresolvedFactor;
        finding.notes.push(`tidak ada pasangan bernomor ${sighting.fingers} dalam pemilihan yang berlaku untuk ${context.regionCode ? `wilayah ${context.regionCode}` : 'ASN tanpa wilayah yang diketahui'}`);
      } else {
        finding.candidate = resolved.candidate;
        if (sighting.emoji && context.named.has(resolved.candidate)) finding.weight = Math.max(finding.weight, weights.emojiWithMatchingName);
        if (resolved.afterVote) {
          finding.weight *= weights.afterVoteFactor;
          finding.notes.push(`diposting setelah pemungutan suara ${resolved.candidate.election.code}: nomor ini mungkin tidak lagi menunjuk pasangan ini`);
        }
        if (others.length > 0) finding.notes.push(`menunjuk ${resolutions.map((r) => describe(r.candidate)).join(' dan ')}`);
        if (resolved.alternatives.length > 0) finding.notes.push(`bisa juga berarti ${resolved.alternatives.map(describe).join('; ')}`);
        if (sighting.weight >= flagThreshold || sighting.reference) {
          for (const r of resolutions) addRef(cues, cueFromTokens(refCategories.number, doc.tokens, sighting.first, sighting.last), r.candidate);
        }
      }
      findings.push(finding);
    }
    return findings;
  };
}

/**
 * Weak sightings never add up: '✌️ … berpose dua jari' shows one gesture twice, and 'nomor 1
 * krem, nomor 2 abu' lists a choice. Only the strongest weak sighting is kept, so a V sign or a
 * bare number alone never reaches a flag.
 */
function readsAsReport(register: ReportingRegister | undefined, sentence: number): boolean {
  return register !== undefined && inReportingSentence(register, sentence);
}

function withoutRepeatedWeakSightings(found: SymbolSighting[], flagThreshold: number): SymbolSighting[] {
  let strongestWeak: SymbolSighting | undefined;
  for (const s of found) if (s.weight < flagThreshold && (!strongestWeak || s.weight > strongestWeak.weight)) strongestWeak = s;
  return found.filter((s) => s.weight >= flagThreshold || s === strongestWeak);
}

function describe(c: IndexedCandidate): string {
  return `${String(c.ballotNumber).padStart(2, '0')} ${c.label} (${c.election.code})`;
}
