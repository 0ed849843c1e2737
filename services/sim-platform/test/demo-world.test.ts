import { readFileSync } from 'node:fs';
import { checkNip, violationCodes } from '@netra/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoScenario, type DemoScenario } from '../src/index.js';
import { demoDataDirectory, registryCsvFiles } from '../src/demo-world/registry-csv.js';
import { firstNames } from '../src/demo-world/names.js';

let demo: DemoScenario;
beforeAll(() => {
  demo = buildDemoScenario();
});

describe('the demo world', () => {
  it('is the same on every build', () => {
    const again = buildDemoScenario();
    const snapshot = (d: DemoScenario) => JSON.stringify([d.world.statuses(), d.world.groundTruth(), d.civilServants.map((p) => p.nip)]);
    expect(snapshot(again)).toBe(snapshot(demo));
  });

  it('has about 50 ASN across three agencies and both regions, each with a valid NIP matching their gender', () => {
    expect(demo.civilServants).toHaveLength(50);
    expect(new Set(demo.civilServants.map((p) => p.agency.code)).size).toBe(3);
    expect(new Set(demo.civilServants.map((p) => p.regionCode))).toEqual(new Set(['31', '35.73']));
    expect(new Set(demo.civilServants.map((p) => p.nip)).size).toBe(50);
    for (const person of demo.civilServants) {
      expect(checkNip(person.nip)).toEqual({ ok: true, nip: person.nip });
      expect(person.nip[14]).toBe(person.gender === 'male' ? '1' : '2');
      expect(firstNames[person.gender]).toContain(person.fullName.split(' ')[0]);
      const birthYear = Number(person.nip.slice(0, 4));
      expect(Number(person.nip.slice(8, 12)) - birthYear).toBeGreaterThan(18);
      expect(demo.world.findAccount(person.handle)).toBeDefined();
    }
  });

  it('gives every candidate and party of candidates.csv its campaign account, posting in its campaign period', () => {
    expect(demo.candidates).toHaveLength(13);
    for (const candidate of demo.candidates) {
      const account = demo.world.findAccount(candidate.mastodonHandle);
      expect(account, candidate.mastodonHandle).toBeDefined();
      const posts = demo.world.statusesBy(account!.id);
      expect(posts.length).toBeGreaterThan(0);
      for (const post of posts) {
        const day = post.createdAt.toISOString().slice(0, 10);
        // WIB is UTC+7: a post early on the first campaign day is still the day before in UTC.
        expect(day >= shiftDay(candidate.campaignStartsOn, -1) && day <= candidate.campaignEndsOn).toBe(true);
      }
    }
  });

  it('labels every ASN post, boost and like, and none of anyone else', () => {
    const asn = new Set(demo.civilServants.map((p) => p.handle));
    const labelled = new Set(demo.world.groundTruth().flatMap((g) => (g.subject.kind === 'status' ? [g.subject.statusId] : [])));
    for (const status of demo.world.statuses()) {
      const author = demo.world.account(status.accountId)!.username;
      expect(labelled.has(status.id), `${author}: ${status.text}`).toBe(asn.has(author));
    }
    expect(demo.world.groundTruth().every((g) => asn.has(g.acct))).toBe(true);
  });

  it('holds a few hundred ASN posts, mostly neutral, with partisan cases of every code', () => {
    const truths = demo.world.groundTruth();
    const posts = truths.filter((g) => g.subject.kind === 'status');
    expect(posts.length).toBeGreaterThan(300);
    expect(posts.filter((g) => g.codes.length === 0).length / posts.length).toBeGreaterThan(0.7);
    const codes = new Set(truths.flatMap((g) => g.codes));
    expect([...violationCodes].filter((code) => !codes.has(code))).toEqual([]);
    expect(truths.filter((g) => g.subject.kind === 'favourite').length).toBeGreaterThan(20);
    const statuses = posts.map((g) => (g.subject.kind === 'status' ? demo.world.status(g.subject.statusId)! : null)!);
    expect(statuses.filter((s) => s.reblogOfId).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s.inReplyToId).length).toBeGreaterThan(10);
  });

  it('has spouses of Pilkada DKI candidates, with allowed posts labelled neutral and an appeal labelled partisan', () => {
    const spouses = demo.civilServants.filter((p) => p.spouseOf);
    expect(spouses.length).toBeGreaterThanOrEqual(2);
    for (const spouse of spouses) {
      expect(spouse).toMatchObject({ gender: 'female', regionCode: '31', spouseOf: { electionCode: 'pilgub-dki-2024' } });
    }
    const spouseTruths = demo.world.groundTruth().filter((g) => spouses.some((s) => s.handle === g.acct) && g.subject.kind === 'status');
    expect(spouseTruths.some((g) => g.codes.length === 0 && g.note?.includes('allowed exception'))).toBe(true);
    expect(spouseTruths.some((g) => g.codes.includes('number_symbol'))).toBe(true);
  });

  it('has likes and boosts of campaign posts by people nobody monitors', () => {
    const asnIds = new Set(demo.civilServants.map((p) => demo.world.findAccount(p.handle)!.id));
    const campaignAccount = demo.world.findAccount('tkn_prabowogibran')!;
    const likes = demo.world.statusesBy(campaignAccount.id).flatMap((s) => demo.world.favouritesOf(s.id));
    expect(likes.filter((f) => !asnIds.has(f.accountId)).length).toBeGreaterThan(20);
  });
});

describe('the committed registry files', () => {
  it('equal what the demo world generates (run write-registry.ts after changing the world)', () => {
    for (const [name, content] of Object.entries(registryCsvFiles(demo))) {
      expect(readFileSync(`${demoDataDirectory}${name}`, 'utf8'), name).toBe(content);
    }
  });

  it('name spouses as election_code#ballot_number of a real candidate row', () => {
    const rows = registryCsvFiles(demo)['civil-servants.csv']!.trim().split('\n').slice(1);
    const spouseOf = rows.map((row) => row.split(',').at(-1)).filter(Boolean);
    expect(spouseOf.length).toBeGreaterThanOrEqual(2);
    for (const value of spouseOf) {
      const [election, ballot] = value!.split('#');
      expect(demo.candidates.some((c) => c.electionCode === election && String(c.ballotNumber) === ballot)).toBe(true);
    }
  });
});

function shiftDay(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
