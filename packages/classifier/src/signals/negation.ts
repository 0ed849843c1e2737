import type { Cue, Cues } from './cues.js';

/** How far before an action a negation still reaches: 'aku ogah banget nyoblos' (3 tokens). */
const scope = 3;

export const negatedCategory = 'negatedAction';

/**
 * 'aku ogah nyoblos X', 'tidak akan pilih X': a refused vote is not support for X, so the
 * negated campaign action leaves 'campaignAction' (the cue rules no longer see it) for
 * 'negatedAction'. A negation is lifted when it is about something else ('jangan lupa coblos',
 * 'gak usah ragu pilih', 'bukan cuma dukung') or is itself negated ('jangan sampai tidak
 * coblos'). Returns the token positions of the negated actions, which number-symbol.ts also
 * reads ('jangan coblos 02').
 */
export function applyNegation(cues: Cues): Set<number> {
  const negated = new Set<number>();
  const actions = cues.get('campaignAction');
  const negations = cues.get('negation');
  if (!actions || !negations) return negated;
  const lifters = cues.get('negationLifter') ?? [];
  const kept: Cue[] = [];
  const moved: Cue[] = [];
  for (const action of actions) {
    const negation = nearestBefore(negations, action);
    const lifted =
      negation === undefined ||
      lifters.some((l) => l.at > negation.at && l.at < action.at) ||
      negations.some((n) => n.sentence === negation.sentence && n.at < negation.at && negation.at - n.at <= 2) ||
      lifters.some((l) => l.sentence === negation.sentence && l.at < negation.at && negation.at - l.at <= 1);
    if (lifted) kept.push(action);
    else {
      moved.push({ ...action, category: negatedCategory });
      negated.add(action.at);
    }
  }
  if (moved.length === 0) return negated;
  if (kept.length > 0) cues.set('campaignAction', kept);
  else cues.delete('campaignAction');
  cues.set(negatedCategory, moved);
  return negated;
}

function nearestBefore(negations: readonly Cue[], action: Cue): Cue | undefined {
  let best: Cue | undefined;
  for (const n of negations) {
    if (n.sentence !== action.sentence || n.at >= action.at || action.at - n.at > scope) continue;
    if (!best || n.at > best.at) best = n;
  }
  return best;
}
