import { describe, expect, it } from 'vitest';
import { createClassifier, type KnownImageMatch } from '../src/index.js';
import { duringPilpres, evidenceOf, testDirectory } from './fixtures.js';

// Candidates with ids, as the registry's directory has them.
const directory = testDirectory();
const withIds = { ...directory, candidates: directory.candidates.map((candidate, i) => ({ ...candidate, id: i + 1 })) };
const classifier = createClassifier({ directory: withIds });
const pair = withIds.candidates.find((c) => c.kind === 'pair' && c.electionCode === 'pilpres-2024')!;

const copyOf = (match: Partial<KnownImageMatch>): KnownImageMatch => ({
  mediaIndex: 0,
  candidateId: pair.id,
  postUrl: 'https://mastodon.test/@kampanye/1',
  distance: 0,
  sharedWords: 0,
  ...match,
});
const photoPost = (knownImages: KnownImageMatch[], words = '') =>
  classifier.classify({ text: 'Semangat pagi rekan-rekan', kind: 'post', ...duringPilpres, mediaTexts: [words], knownImages });

describe("a copy of a campaign's own image", () => {
  it('is campaign content of that candidate, saying whose post it copies and how close', () => {
    const result = photoPost([copyOf({ distance: 2 })]);
    expect(result.flagged).toBe(true);
    expect(result.codes).toContain('campaign_content');
    const [evidence] = evidenceOf(result, 'campaign_content');
    expect(evidence).toMatchObject({ source: 'media', mediaIndex: 0, candidate: { label: pair.label } });
    expect(evidence!.note).toMatch(new RegExp(`sama dengan gambar di postingan ${pair.label} \\(https://mastodon.test/@kampanye/1\\): beda hash 2 dari 64 bit`));
  });

  it('needs the words of both images to agree when the hashes are only near (a crop, a frame)', () => {
    expect(photoPost([copyOf({ distance: 8 })]).flagged).toBe(false);
    expect(photoPost([copyOf({ distance: 8, sharedWords: 3 })], 'foto bersama').codes).toContain('campaign_content');
    expect(photoPost([copyOf({ distance: 14, sharedWords: 9 })]).flagged).toBe(false);
  });

  it('names nothing for a candidate the directory does not hold', () => {
    expect(photoPost([copyOf({ candidateId: 999_999 })]).flagged).toBe(false);
  });
});
