import { toInputRecord } from '@netra/classifier/input-line';
import type { ClassifierInput } from '@netra/classifier';
import { buildDemoScenario } from '@netra/sim-platform';

/**
 * The demo world's ground truth (391 ASN statuses, 49 likes) as labelled JSONL: an independent
 * measurement set, written by another hand than the corpus, and never trained on. Inputs are
 * built the way the pipeline sees them: alt text joined to the text (as the Mastodon connector
 * does), a reblog as a share of the original, a reply as a comment with its parent as context.
 */
export function demoTruthRecords(): Record<string, unknown>[] {
  const { world, civilServants, candidates } = buildDemoScenario();
  const people = new Map(civilServants.map((p) => [p.handle, p]));
  const candidateHandles = new Set(candidates.map((c) => c.mastodonHandle));
  const statusOf = (id: string) => {
    const status = world.status(id);
    if (!status) throw new Error(`ground truth names unknown status ${id}`);
    return status;
  };
  const visibleText = (id: string) => {
    const status = statusOf(id);
    return [status.text, ...status.media.map((m) => m.description)].filter(Boolean).join('\n\n');
  };
  const byCandidate = (id: string) => candidateHandles.has(world.account(statusOf(id).accountId)?.username ?? '');

  return world.groundTruth().map((truth) => {
    const person = people.get(truth.acct);
    const owner = { regionCode: person?.regionCode ?? null, ...(person?.spouseOf ? { spouseCandidateLabel: person.spouseOf.label } : {}) };
    let input: ClassifierInput;
    let id: string;
    if (truth.subject.kind === 'favourite') {
      const target = truth.subject.statusId;
      id = `demo-like-${truth.subject.favouriteId}`;
      input = { ...owner, kind: 'like', text: '', targetText: visibleText(target), targetAuthorIsCandidate: byCandidate(target), postedAt: statusOf(target).createdAt.toISOString() };
    } else {
      const status = statusOf(truth.subject.statusId);
      id = `demo-status-${status.id}`;
      const postedAt = status.createdAt.toISOString();
      if (status.reblogOfId) {
        input = { ...owner, kind: 'share', text: '', targetText: visibleText(status.reblogOfId), targetAuthorIsCandidate: byCandidate(status.reblogOfId), postedAt };
      } else if (status.inReplyToId) {
        input = { ...owner, kind: 'comment', text: visibleText(status.id), targetText: visibleText(status.inReplyToId), targetAuthorIsCandidate: byCandidate(status.inReplyToId), postedAt };
      } else {
        input = { ...owner, kind: 'post', text: visibleText(status.id), postedAt };
      }
    }
    return { ...toInputRecord({ ...input, id }), expected_codes: truth.codes, source: 'demo-world', ...(truth.note ? { note: truth.note } : {}) };
  });
}
