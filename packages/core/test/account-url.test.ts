import { describe, expect, it } from 'vitest';
import { accountOfUrl } from '../src/index.js';

describe('the account a reported link points to', () => {
  it.each([
    ['https://www.facebook.com/Budi.Santoso.88/posts/pfbid02abc', 'facebook', 'budi.santoso.88'],
    ['https://m.facebook.com/profile.php?id=100012345678901', 'facebook', '100012345678901'],
    ['https://web.facebook.com/permalink.php?story_fbid=123&id=100012345678901', 'facebook', '100012345678901'],
    ['https://www.instagram.com/sri.lestari_asn/', 'instagram', 'sri.lestari_asn'],
    ['https://www.tiktok.com/@guru.honorer.bdg/video/7312345678901234567', 'tiktok', 'guru.honorer.bdg'],
    ['https://www.youtube.com/@DinasKominfo/videos', 'youtube', 'dinaskominfo'],
    ['https://www.threads.net/@andi.pns/post/C1AbCdEf', 'threads', 'andi.pns'],
    ['https://twitter.com/SlametK/status/1750000000000000000', 'x', 'slametk'],
    ['https://bsky.app/profile/budi.bsky.social/post/3kabc', 'bluesky', 'budi.bsky.social'],
  ])('%s', (url, platform, handle) => {
    expect(accountOfUrl(url)).toEqual({ platform, handle });
  });

  it("names the platform but no account when the link does not say whose post it is", () => {
    expect(accountOfUrl('https://www.instagram.com/p/C2xYzAbCd/')).toEqual({ platform: 'instagram', handle: null });
    expect(accountOfUrl('https://www.facebook.com/share/p/1AbCdEf/')).toEqual({ platform: 'facebook', handle: null });
    expect(accountOfUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toEqual({ platform: 'youtube', handle: null });
    expect(accountOfUrl('https://x.com/i/status/1750000000000000000')).toEqual({ platform: 'x', handle: null });
  });

  it('is null for another site or no URL at all', () => {
    expect(accountOfUrl('https://news.example.id/berita/asn-kampanye')).toBeNull();
    expect(accountOfUrl('https://notfacebook.com/budi')).toBeNull();
    expect(accountOfUrl('not a url')).toBeNull();
  });
});
