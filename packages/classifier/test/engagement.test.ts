import { describe, expect, it } from 'vitest';
import { classify } from './fixtures.js';

const campaignPost = 'Terima kasih relawan Jakarta! Coblos nomor 3 ya, Pramono-Rano menang satu putaran! #pramdoel';
const ministryPost = 'Kementerian PANRB: seleksi CPNS 2024 dibuka mulai 20 Agustus. Cek syaratnya di sscasn.bkn.go.id';

describe('engagements are judged by their target', () => {
  it('a like on a candidate\'s campaign post is support, with evidence in the target', () => {
    const result = classify('', { kind: 'like', targetText: campaignPost, targetAuthorIsCandidate: true, regionCode: '31' });
    expect(result.codes).toEqual(['support_like']);
    expect(result.severity).toBe('berat');
    const [evidence] = result.evidence;
    expect(evidence?.source).toBe('target');
    expect(campaignPost.slice(evidence!.span!.start, evidence!.span!.end)).toBe(evidence!.matchedText);
    expect(evidence?.candidate?.label).toBe('Pramono–Rano');
  });

  it('a like on a ministry announcement is not', () => {
    expect(classify('', { kind: 'like', targetText: ministryPost, targetAuthorIsCandidate: false }).flagged).toBe(false);
  });

  it('a like on a candidate account\'s non-campaign post is weak evidence only', () => {
    const result = classify('', { kind: 'like', targetText: 'Selamat Hari Guru untuk seluruh guru Indonesia 🙏', targetAuthorIsCandidate: true });
    expect(result.flagged).toBe(false);
    expect(result.evidence[0]?.code).toBe('support_like');
  });

  it('sharing campaign material is support_share; a repost judges its own text as the shared content', () => {
    expect(classify('', { kind: 'share', targetText: 'Ayo hadiri kampanye akbar Ganjar-Mahfud besok! #GanjarMahfud2024' }).codes).toEqual(['support_share']);
    expect(classify('Ayo coblos 02 pak Prabowo', { kind: 'repost' }).codes).toEqual(['support_share']);
    expect(classify('', { kind: 'share', targetText: ministryPost }).flagged).toBe(false);
  });

  it('a cheering comment under a campaign post is support_comment; the same words elsewhere are not', () => {
    const cheer = 'Mantap pak, lanjutkan! 💪';
    const onCampaign = classify(cheer, { kind: 'comment', targetText: 'Kampanye di Bekasi hari ini. Coblos 02 ✌️', targetAuthorIsCandidate: true });
    expect(onCampaign.codes).toEqual(['support_comment']);
    expect(onCampaign.evidence[0]).toMatchObject({ source: 'text', matchedText: 'Mantap', candidate: { label: 'Prabowo–Gibran' } });
    expect(classify(cheer, { kind: 'comment', targetText: 'Ruang kelas baru SDN 3 sudah bisa dipakai.', targetAuthorIsCandidate: false }).flagged).toBe(false);
  });

  it('a comment reminding of neutrality under a campaign post is not support', () => {
    const result = classify('Pak, ASN harus netral ya, jangan ikut kampanye', { kind: 'comment', targetText: 'Coblos 02 ✌️', targetAuthorIsCandidate: true });
    expect(result.flagged).toBe(false);
  });

  it('a comment that is campaign content itself is support_comment and keeps its own codes', () => {
    expect(classify('Coblos 02 pokoknya!', { kind: 'comment' }).codes).toEqual(expect.arrayContaining(['support_comment', 'number_symbol']));
  });
});
