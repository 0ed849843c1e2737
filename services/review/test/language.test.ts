import { citationOf } from '@netra/classifier/citations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, violationCodes } from '@netra/core';
import { refreshStatistics } from '@netra/stats';
import { createTestDatabase, seedAgency, seedFlaggedEngagement, seedFlaggedPost, seedUser, type TestDatabase } from '@netra/testing';
import { buildReviewApp, type ReviewApp } from '../src/index.js';
import { signIn, type ApiClient } from './support/client.js';

/**
 * The Indonesian workspace speaks Indonesian: no word of the English rule summaries reaches an
 * Indonesian page, codes show as labels, and the citation is the regulation's own wording.
 */
let t: TestDatabase;
let app: ReviewApp;
let reviewer: ApiClient;
let postItem: string;
let likeItem: string;

// Every word of the English citations that the Indonesian ones do not also use ('media', 'SKB');
// 'partisan' is Indonesian too (KBBI), as in the dismiss reason 'Tidak partisan'.
const indonesianWords = new Set([...violationCodes.flatMap((code) => wordsOf(citationOf(code, 'id'))), 'partisan']);
const englishRuleWords = [...new Set(violationCodes.flatMap((code) => wordsOf(citationOf(code, 'en'))))].filter((w) => w.length >= 4 && !indonesianWords.has(w));

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** What a person reads: the text of the page, without markup, scripts or the raw-evidence dump. */
function readableText(page: string): string {
  return page
    .replace(/<details>[\s\S]*?<\/details>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildReviewApp({ db: t.db, logger: createLogger('review-test', 'silent'), insecureCookies: true, secondFactor: 'off' });
  const agency = await seedAgency(t.db);
  postItem = (await seedFlaggedPost(t.db, agency, { text: 'Ayo coblos nomor 2! ✌️' })).itemId;
  likeItem = (await seedFlaggedEngagement(t.db, agency, 'like', { targetText: 'Coblos 02 pada 14 Februari!' })).itemId;
  reviewer = await signIn(app, (await seedUser(t.db, 'reviewer', agency)).email);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('the Indonesian workspace', () => {
  it('has English rule words to look for (the list is not empty)', () => {
    expect(englishRuleWords).toEqual(expect.arrayContaining(['heavy', 'sharing', 'liking', 'campaign']));
  });

  it.each([
    ['the queue', () => '/queue'],
    ['a post item', () => `/items/${postItem}`],
    ['a like item', () => `/items/${likeItem}`],
  ])('shows no English rule word on %s', async (_name, url) => {
    const page = await reviewer.get(url());
    expect(page.statusCode).toBe(200);
    const words = new Set(wordsOf(readableText(page.body)));
    expect(englishRuleWords.filter((w) => words.has(w))).toEqual([]);
    expect(readableText(page.body)).not.toMatch(/\bnumber_symbol\b|\bcampaign_content\b|\bsupport_like\b/);
  });

  it("cites the regulation's Indonesian wording once per code on the item page, and English in English", async () => {
    const page = await reviewer.get(`/items/${postItem}`);
    expect(page.body.split(citationOf('number_symbol', 'id')).length - 1).toBe(1);
    expect(page.body).toContain('Nomor urut / simbol jari');
    const english = await reviewer.get(`/items/${postItem}?lang=en`);
    expect(english.body).toContain(citationOf('number_symbol', 'en').replace(/'/g, '&#39;'));
  });

  it("names an event's details in Indonesian, with labels for its code, severity and reason", async () => {
    await reviewer.post(`/api/review-items/${likeItem}/claim`);
    const confirmed = await reviewer.post(`/api/review-items/${likeItem}/decision`, { action: 'confirm', code: 'support_like', severity: 'sedang', note: 'Menyukai ajakan mencoblos' });
    expect(confirmed.statusCode).toBe(200);
    const history = readableText((await reviewer.get(`/items/${likeItem}`)).body.split('data-history')[1]!);
    expect(history).toMatch(/Jenis\s+Menyukai konten kampanye/);
    expect(history).toMatch(/Tingkat\s+sedang/);
    expect(history).toMatch(/Klasifikasi\s+\d+/);
    expect(history).not.toMatch(/classification_id|support_like|lease_seconds/);
  });

  it('says in Indonesian what the priority is made of, on the item page and the queue, with decimal commas', async () => {
    const parts = { severity: 3, score: 0.95, reach: 0.21, repeat: 0.5 };
    await t.db.updateTable('review_items').set({ priority: 4.66, priority_parts: JSON.stringify(parts) }).where('id', '=', postItem).execute();
    // Decimals as Indonesian writes them (a comma), and as English does in English.
    const explained = 'keparahan 3 + skor 0,95 + jangkauan 0,21 + riwayat ASN 0,5';
    expect((await reviewer.get(`/items/${postItem}`)).body).toContain(`(${explained})`);
    expect((await reviewer.get('/queue')).body).toContain(`title="${explained}">4,66</td>`);
    expect((await reviewer.get('/queue?lang=en')).body).toContain(`title="severity 3 + score 0.95 + reach 0.21 + civil servant&#39;s record 0.5">4.66</td>`);
  });

  it.each([
    ['an item', () => `/items/${postItem}`, 3],
    ['the statistics', () => '/stats', 1],
  ])('names the zone of every time %s shows', async (_name, url, atLeast) => {
    await refreshStatistics(t.db);
    const page = readableText((await reviewer.get(url())).body);
    const times = page.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?: [A-Z]+)?/g) ?? [];
    expect(times.length).toBeGreaterThanOrEqual(atLeast);
    for (const time of times) expect(time).toMatch(/ (WIB|WITA|WIT)$/);
  });
});
