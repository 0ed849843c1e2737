import { firstPersonActions, type Cue, type Cues } from './cues.js';

/**
 * Talking about neutrality is not partisanship: reminders, rules and sanctions, news about
 * violations, quoting a campaign to criticise it. Such a text names campaign words and even
 * candidates, so its signals are damped, unless the writer also states their own support
 * ('saya tetap coblos 02'), which no reminder does.
 */
export function neutralityCue(cues: Cues): Cue | undefined {
  const talk = cues.get('neutralityTalk')?.[0];
  if (!talk || statesOwnSupport(cues)) return undefined;
  return talk;
}

/** 'saya/aku/kami … dukung|pilih|coblos' within three tokens, with no negation in between. */
function statesOwnSupport(cues: Cues): boolean {
  const negations = cues.get('negation') ?? [];
  return firstPersonActions(cues).some(({ person, action }) => !negations.some((n) => n.at > person.at && n.at < action.at));
}
