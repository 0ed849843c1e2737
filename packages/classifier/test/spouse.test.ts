import { describe, expect, it } from 'vitest';
import { classify, classifier } from './fixtures.js';

const spouse = { regionCode: '31', spouseCandidateLabel: 'Dharma–Kun' };

describe('spouse-of-candidate exception', () => {
  it('does not flag registration or photos with the spouse, and tells the reviewer why', () => {
    const result = classify('Mendampingi suami, Pak Dharma Pongrekun, mendaftar ke KPU DKI hari ini. Foto bersama keluarga 📸', spouse);
    expect(result.flagged).toBe(false);
    expect(result.exception).toMatch(/Pasangan calon Dharma–Kun/);
    expect(result.evidence[0]).toMatchObject({ code: 'photo_with_candidate', weight: 0 });
    expect(result.evidence[0]?.note).toMatch(/pengecualian yang diizinkan/);
  });

  it('still flags gestures and campaign content, with the exception shown', () => {
    const result = classify('Foto bareng suami tercinta Pak Dharma di acara perkenalan ✌️ coblos 02!', spouse);
    expect(result.codes).toEqual(expect.arrayContaining(['number_symbol', 'campaign_content']));
    expect(result.codes).not.toContain('photo_with_candidate');
    expect(result.exception).toBeDefined();
  });

  it('applies only to the spouse: the same photo with another candidate is flagged', () => {
    expect(classify('Foto bareng Kang Emil 📸', spouse).codes).toEqual(['photo_with_candidate']);
    expect(classify('Foto bareng Pak Dharma 📸', { regionCode: '31' }).codes).toEqual(['photo_with_candidate']);
  });

  it('accepts the spouse by candidate id as the database stores it', () => {
    const byId = classifier.classify({ text: 'Foto bareng Pak Dharma 📸', kind: 'post', regionCode: '31', spouseCandidateId: 5 });
    // The CSV directory has no ids: an unknown id simply means no exception.
    expect(byId.flagged).toBe(true);
    expect(byId.exception).toBeUndefined();
  });
});
