import { describe, expect, it } from 'vitest';
import { normalisePostView } from '../src/bluesky/normalise.js';
import { postView } from '../src/bluesky/schemas.js';
import { normaliseStatus } from '../src/mastodon/normalise.js';
import { mastodonStatus } from '../src/mastodon/schemas.js';
import { normaliseTweet } from '../src/x/normalise.js';
import { tweetResponse } from '../src/x/schemas.js';

// Bodies in the shapes the platforms define, not the sim's: Mastodon's MediaAttachment entity
// (docs.joinmastodon.org, its image and video examples), the AppView's app.bsky.embed.images#view
// and app.bsky.embed.video#view (atproto lexicons), X's Media object with media.fields=url,preview_image_url.

const mastodonAccount = { id: '1', username: 'budi', acct: 'budi', display_name: 'Budi', url: 'https://mastodon.social/@budi' };

describe("a post's images, as each platform names them", () => {
  it('Mastodon: an image by its file on the instance (or the origin server), a video by its still, audio not at all', () => {
    const status = mastodonStatus.parse({
      id: '109',
      created_at: '2024-01-20T08:00:00.000Z',
      in_reply_to_id: null,
      content: '<p>Semangat pagi</p>',
      uri: 'https://mastodon.social/users/budi/statuses/109',
      url: 'https://mastodon.social/@budi/109',
      account: mastodonAccount,
      reblog: null,
      media_attachments: [
        { id: '1', type: 'image', url: 'https://files.mastodon.social/media_attachments/files/022/345/792/original/57859aede991da25.jpeg', preview_url: 'https://files.mastodon.social/media_attachments/files/022/345/792/small/57859aede991da25.jpeg', remote_url: null, description: 'poster kampanye' },
        { id: '2', type: 'video', url: 'https://files.mastodon.social/media_attachments/files/022/546/306/original/dab9a597f68b9745.mp4', preview_url: 'https://files.mastodon.social/media_attachments/files/022/546/306/small/dab9a597f68b9745.png', remote_url: null, description: null },
        { id: '3', type: 'image', url: null, preview_url: null, remote_url: 'https://other.example/media/3.png', description: '' },
        { id: '4', type: 'audio', url: 'https://files.mastodon.social/a.mp3', preview_url: null, remote_url: null, description: 'lagu' },
      ],
    });
    expect(normaliseStatus(status).media).toEqual([
      { kind: 'image', url: 'https://files.mastodon.social/media_attachments/files/022/345/792/original/57859aede991da25.jpeg', description: 'poster kampanye' },
      { kind: 'video_preview', url: 'https://files.mastodon.social/media_attachments/files/022/546/306/small/dab9a597f68b9745.png', description: null },
      { kind: 'image', url: 'https://other.example/media/3.png', description: null },
    ]);
  });

  it('Bluesky: the view\'s CDN addresses (the record only has blob refs), beside a quote too, and a video\'s thumbnail', () => {
    const base = {
      uri: 'at://did:plc:abc/app.bsky.feed.post/3k',
      cid: 'bafy',
      author: { did: 'did:plc:abc', handle: 'budi.bsky.social' },
      record: { $type: 'app.bsky.feed.post', text: 'semangat', createdAt: '2024-01-20T08:00:00.000Z' },
      indexedAt: '2024-01-20T08:00:01.000Z',
    };
    const fullsize = 'https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:abc/bafkreih@jpeg';
    const images = { $type: 'app.bsky.embed.images#view', images: [{ thumb: fullsize.replace('fullsize', 'thumbnail'), fullsize, alt: 'poster' }] };
    expect(normalisePostView(postView.parse({ ...base, embed: images })).media).toEqual([{ kind: 'image', url: fullsize, description: 'poster' }]);
    const withQuote = { $type: 'app.bsky.embed.recordWithMedia#view', record: { record: { $type: 'app.bsky.embed.record#viewNotFound', uri: 'at://x/y/z', notFound: true } }, media: images };
    expect(normalisePostView(postView.parse({ ...base, embed: withQuote })).media).toHaveLength(1);
    const video = { $type: 'app.bsky.embed.video#view', cid: 'bafv', playlist: 'https://video.bsky.app/watch/x/playlist.m3u8', thumbnail: 'https://video.bsky.app/watch/x/thumbnail.jpg' };
    expect(normalisePostView(postView.parse({ ...base, embed: video })).media).toEqual([{ kind: 'video_preview', url: video.thumbnail, description: null }]);
  });

  it('X: a photo by its url, a video or GIF by its preview image, in the order the tweet attaches them', () => {
    const body = tweetResponse.parse({
      data: { id: '17', text: 'semangat', author_id: '5', created_at: '2024-01-20T08:00:00.000Z', attachments: { media_keys: ['7_2', '3_1'] } },
      includes: {
        users: [{ id: '5', username: 'budi', name: 'Budi' }],
        media: [
          { media_key: '3_1', type: 'photo', url: 'https://pbs.twimg.com/media/FabcXYZ.jpg', alt_text: 'poster' },
          { media_key: '7_2', type: 'video', preview_image_url: 'https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/abc.jpg' },
        ],
      },
    });
    expect(normaliseTweet(body.data, body.includes).media).toEqual([
      { kind: 'video_preview', url: 'https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/abc.jpg', description: null },
      { kind: 'image', url: 'https://pbs.twimg.com/media/FabcXYZ.jpg', description: 'poster' },
    ]);
  });
});
