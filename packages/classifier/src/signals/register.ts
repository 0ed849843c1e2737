import type { Doc } from '../text/tokenise.js';
import { firstPersonActions, refCategories, type Cues } from './cues.js';
import type { Finding } from './finding.js';

/**
 * Who is speaking. News ('Capres nomor urut 3 hadiri dialog', a link to kompas.com, a dateline
 * '(23/9/2024)'), reported speech ('menurut', 'ujarnya', 'deklarasikan') and questions ('paslon
 * mana yang lebih masuk akal?') name candidates and campaign words without the writer taking a
 * side. Support found only in such sentences is damped, never hidden: a sentence in the writer's
 * own voice ('Ayo coblos 02', 'saya dukung X', 'menurut saya') keeps its full weight, so
 * 'Berita bagus! Ayo coblos 02' is still partisan.
 */
export interface ReportingRegister {
  /** Sentences in a reporting register; null when the whole post reads as news. */
  sentences: ReadonlySet<number> | null;
  /** Sentences in the writer's own voice: never damped. */
  ownVoice: ReadonlySet<number>;
  /** For the reviewer: why the register was read. */
  reason: string;
}

const dateline = /\(\s*(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*,?\s*)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)/i;

export function createRegisterReader(newsHosts: readonly string[]): (doc: Doc, cues: Cues) => ReportingRegister | undefined {
  const hosts = new Set(newsHosts);
  const isNewsHost = (host: string): boolean => {
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (hosts.has(h)) return true;
    return false;
  };

  return function readRegister(doc, cues) {
    const ownVoice = ownVoiceSentences(doc, cues);
    const newsLink = doc.linkHosts.find(isNewsHost);
    if (newsLink) return { sentences: null, ownVoice, reason: `terbaca sebagai berita (tautan ke ${newsLink})` };
    const date = dateline.exec(doc.original);
    if (date) return { sentences: null, ownVoice, reason: `terbaca sebagai berita (baris tanggal '${date[0]}')` };

    const sentences = new Set<number>(doc.questions);
    const firstPersonAt = new Set((cues.get('firstPerson') ?? []).map((c) => c.at));
    const reported: string[] = [];
    for (const [sentence, why] of headlineSentences(doc, cues)) {
      sentences.add(sentence);
      reported.push(why);
    }
    for (const verb of cues.get('reportVerb') ?? []) {
      // 'menurut saya', 'saya sampaikan': the writer's own words, not someone else's.
      if (firstPersonAt.has(verb.at + 1) || firstPersonAt.has(verb.at - 1) || firstPersonAt.has(verb.at - 2)) continue;
      sentences.add(verb.sentence);
      reported.push(`'${doc.original.slice(verb.start, verb.end)}'`);
    }
    if (sentences.size === 0) return undefined;
    // A news paragraph: a headline or reported sentence and not one word in the writer's own voice.
    if (ownVoice.size === 0) return { sentences: null, ownVoice, reason: reported.length > 0 ? `terbaca sebagai berita (${reported[0]})` : 'terbaca sebagai pertanyaan' };
    const reason = reported.length > 0 ? `terbaca sebagai kutipan atau berita (${reported[0]})` : 'terbaca sebagai pertanyaan';
    return { sentences, ownVoice, reason };
  };
}

/**
 * Headline sentences: a candidate as the subject of a news verb ('Anies kampanye di Mataram',
 * 'Capres nomor urut 1 Anies Baswedan sapa warga'), a third-person group or an institution
 * opening the sentence ('Ratusan buruh deklarasi dukung ...', 'KPU tetapkan nomor urut'), or
 * rival pairs of one election named side by side ('Bobby-Surya nomor 1, Edy-Hasan nomor 2').
 */
function headlineSentences(doc: Doc, cues: Cues): Map<number, string> {
  const found = new Map<number, string>();
  const { tokens } = doc;
  if (tokens.length === 0) return found;
  // Names only: a salute's numbers ('salam 4 jari' = 01 + 03) are one gesture, not a listing.
  const refs = (cues.get(refCategories.named) ?? []).filter((c) => !c.global);
  const titles = new Set((cues.get('subjectTitle') ?? []).map((c) => c.at));
  const verbs = cues.get('subjectVerb') ?? [];
  const firstOf = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (!firstOf.has(t.sentence)) firstOf.set(t.sentence, i);
  });

  // Sentence -> election -> the pairs of that election it names.
  const pairsNamed = new Map<number, Map<string, Set<string>>>();
  for (const ref of refs) {
    const elections = pairsNamed.get(ref.sentence) ?? new Map<string, Set<string>>();
    const code = ref.candidate!.election.code;
    elections.set(code, (elections.get(code) ?? new Set<string>()).add(ref.candidate!.label));
    pairsNamed.set(ref.sentence, elections);
  }
  for (const [sentence, elections] of pairsNamed) {
    if ([...elections.values()].some((labels) => labels.size >= 2)) found.set(sentence, 'pasangan yang bersaing disebut berdampingan');
  }

  for (const ref of refs) {
    const first = firstOf.get(ref.sentence)!;
    // 'Acep Adang dan Gita KDI nyanyi ...': the subject may name a pair, joined by 'dan'.
    let opensSentence = true;
    for (let i = first; i < ref.at; i++) if (!titles.has(i) && tokens[i]!.kind !== 'number') opensSentence = false;
    // '..., Anies ajak pendukung ...': a clause after a comma or colon opens with the candidate too.
    const opensClause = ref.at > first && /[,:;]\s*$/.test(doc.original.slice(tokens[ref.at - 1]!.end, ref.start));
    if (!opensSentence && !opensClause) continue;
    let after = ref.at;
    while (after < tokens.length && tokens[after]!.start < ref.end) after++;
    const verb = verbs.find((v) => v.sentence === ref.sentence && v.at >= after && v.at - after <= 4);
    if (verb && !found.has(ref.sentence)) found.set(ref.sentence, `'${doc.original.slice(ref.start, verb.end)}'`);
  }

  for (const subject of cues.get('thirdPersonSubject') ?? []) {
    // '34 komunitas nyatakan ...': a count may come first.
    const first = firstOf.get(subject.sentence)!;
    const opens = subject.at === first || (subject.at === first + 1 && tokens[first]!.kind === 'number');
    if (opens && !found.has(subject.sentence)) found.set(subject.sentence, `dibuka dengan '${doc.original.slice(subject.start, subject.end)}'`);
  }
  return found;
}

/**
 * Sentences in the writer's own voice: an appeal ('ayo', 'mari'), their own support ('saya
 * dukung'), an exclamation or a cheering emoji; headlines make none of these.
 */
function ownVoiceSentences(doc: Doc, cues: Cues): Set<number> {
  // Words inside quotation marks, in a text that reports speech, are the quoted speaker's.
  const quoted = cues.has('reportVerb') ? quotedRanges(doc.original) : [];
  const mine = (offset: number): boolean => !quoted.some(([from, to]) => offset > from && offset < to);
  const refEnds = new Set((cues.get(refCategories.named) ?? []).map((ref) => ref.end));
  const own = new Set<number>();
  for (const { sentence, offset } of doc.exclamations) if (mine(offset)) own.add(sentence);
  for (const appeal of cues.get('appeal') ?? []) {
    // 'Anies ajak pendukung jaga TPS' reports the candidate's appeal; it is not the writer's.
    const afterCandidate = [...refEnds].some((end) => end <= appeal.start && doc.original.slice(end, appeal.start).trim() === '');
    if (mine(appeal.start) && !afterCandidate) own.add(appeal.sentence);
  }
  for (const cheer of cues.get('cheer') ?? []) if (doc.tokens[cheer.at]?.kind === 'emoji') own.add(cheer.sentence);
  // An imperative: 'Coblos 02', 'Pilih Anies', 'Menangkan Khofifah-Emil' (not the noun 'Kampanye ...').
  for (const action of cues.get('campaignAction') ?? []) {
    const opens = action.at === 0 || doc.tokens[action.at - 1]!.sentence !== action.sentence;
    if (opens && imperatives.has(doc.tokens[action.at]!.norm) && mine(action.start)) own.add(action.sentence);
  }
  for (const { person } of firstPersonActions(cues)) if (mine(person.start)) own.add(person.sentence);
  return own;
}

const imperatives = new Set(['coblos', 'pilih', 'pilihlah', 'dukung', 'dukunglah', 'menangkan', 'kawal', 'lanjutkan', 'coblosin', 'pilihin']);

/** Offsets of text between paired quotation marks ("…", “…”, «…»). */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/"[^"\n]{2,}"|“[^”\n]{2,}”|«[^»\n]{2,}»/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** True when the sentence reports (or the whole post is news) and is not in the writer's own voice. */
export function inReportingSentence(register: ReportingRegister, sentence: number): boolean {
  return !register.ownVoice.has(sentence) && (register.sentences === null || register.sentences.has(sentence));
}

/** True when every candidate reference sits in a reporting sentence: the text only talks about candidates. */
export function onlyReportsCandidates(cues: Cues, register: ReportingRegister): boolean {
  return inReportingRegister({ code: 'campaign_content', weight: 0, cues: cues.get(refCategories.any) ?? [], source: 'text', notes: [] }, register);
}

/** True when every sentence the finding rests on is in the reporting register and none is the writer's own voice. */
export function inReportingRegister(finding: Finding, register: ReportingRegister): boolean {
  const sentences = finding.cues.filter((c) => !c.global).map((c) => c.sentence);
  if (sentences.some((s) => register.ownVoice.has(s))) return false;
  if (register.sentences === null) return true;
  return sentences.length > 0 && sentences.every((s) => register.sentences!.has(s));
}
