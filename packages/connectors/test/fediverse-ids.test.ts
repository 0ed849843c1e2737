import { describe, expect, it } from 'vitest';
import { createMastodonConnector } from '../src/index.js';
import { compareIds } from '../src/mastodon/ids.js';
import { mastodonStatus } from '../src/mastodon/schemas.js';

/**
 * Ids on servers speaking Mastodon's API are sortable strings, not numbers: Mastodon's are digits
 * beyond 2^53, Pleroma's and Akkoma's flake ids base62 (docs/api/differences_in_mastoapi_responses.md
 * in Pleroma: "128-bit ids … just like Mastodon's ids they are sortable strings").
 */
describe('fediverse ids', () => {
  it("orders Mastodon's digit ids past 2^53 exactly, and flake ids as their servers sort them", () => {
    expect(compareIds('113000000000000001', '113000000000000000')).toBe(1);
    expect(compareIds('99', '100')).toBe(-1);
    expect(['AdhUf6lp5ZEAG8D5OS', 'AdhUdMw0tSbLs5CXQ8', 'AdhUg8JsGJtn1y8l6G'].sort(compareIds)).toEqual(['AdhUdMw0tSbLs5CXQ8', 'AdhUf6lp5ZEAG8D5OS', 'AdhUg8JsGJtn1y8l6G']);
    expect(compareIds('AdhUf6lp5ZEAG8D5OS', 'AdhUf6lp5ZEAG8D5OS')).toBe(0);
  });

  it('reads a status from a Pleroma or Akkoma server, with flake ids, as a status', () => {
    const account = { id: 'AdhTYPXOyC3ZMi4bbE', username: 'asn', acct: 'asn@akkoma.example', display_name: 'ASN' };
    const status = {
      id: 'AdhUf6lp5ZEAG8D5OS',
      created_at: '2024-11-20T03:00:00.000Z',
      in_reply_to_id: 'AdhUdMw0tSbLs5CXQ8',
      in_reply_to_account_id: 'AdhTYPXOyC3ZMi4bbE',
      content: '<p>Ayo coblos nomor 2</p>',
      uri: 'https://akkoma.example/objects/5a3c0e1e-7c1f-4d4e-9d5e-0d3f2b1a9c8e',
      url: 'https://akkoma.example/notice/AdhUf6lp5ZEAG8D5OS',
      account,
      reblog: null,
    };
    expect(mastodonStatus.parse(status).id).toBe('AdhUf6lp5ZEAG8D5OS');
    expect(() => mastodonStatus.parse({ ...status, id: 'ada spasi' })).toThrow(/id/);
  });

  it("takes a post's reference in each server's URL form", async () => {
    const connector = createMastodonConnector({ baseUrl: 'https://akkoma.example' });
    for (const [reference, id] of [
      ['https://akkoma.example/notice/AdhUf6lp5ZEAG8D5OS', 'AdhUf6lp5ZEAG8D5OS'],
      ['https://mastodon.example/@asn/113000000000000001', '113000000000000001'],
      ['https://mastodon.example/users/asn/statuses/113000000000000001', '113000000000000001'],
      ['AdhUf6lp5ZEAG8D5OS', 'AdhUf6lp5ZEAG8D5OS'],
    ]) {
      expect(await connector.postIdFromReference(reference!)).toBe(id);
    }
    await expect(connector.postIdFromReference('https://mastodon.example/@asn/../../admin')).rejects.toThrow(/not a Mastodon status/);
  });
});
