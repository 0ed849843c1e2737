import type { Doc } from '../text/tokenise.js';
import { refCategories, type Cues } from './cues.js';
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
    const ownVoice = ownVoiceSentences(cues);
    const newsLink = doc.linkHosts.find(isNewsHost);
    if (newsLink) return { sentences: null, ownVoice, reason: `reads as news (links to ${newsLink})` };
    const date = dateline.exec(doc.original);
    if (date) return { sentences: null, ownVoice, reason: `reads as news (dateline '${date[0]}')` };

    const sentences = new Set<number>(doc.questions);
    const firstPersonAt = new Set((cues.get('firstPerson') ?? []).map((c) => c.at));
    const reported: string[] = [];
    for (const verb of cues.get('reportVerb') ?? []) {
      // 'menurut saya', 'saya sampaikan': the writer's own words, not someone else's.
      if (firstPersonAt.has(verb.at + 1) || firstPersonAt.has(verb.at - 1) || firstPersonAt.has(verb.at - 2)) continue;
      sentences.add(verb.sentence);
      reported.push(doc.original.slice(verb.start, verb.end));
    }
    if (sentences.size === 0) return undefined;
    const reason = reported.length > 0 ? `reads as reported speech or news ('${reported[0]}')` : 'reads as a question';
    return { sentences, ownVoice, reason };
  };
}

/** Sentences with an appeal ('ayo', 'mari') or the writer's own support ('saya dukung'). */
function ownVoiceSentences(cues: Cues): Set<number> {
  const own = new Set<number>();
  for (const appeal of cues.get('appeal') ?? []) own.add(appeal.sentence);
  const actions = cues.get('campaignAction') ?? [];
  for (const person of cues.get('firstPerson') ?? []) {
    if (actions.some((a) => a.sentence === person.sentence && a.at > person.at && a.at - person.at <= 3)) own.add(person.sentence);
  }
  return own;
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
