import { z } from 'zod';

/**
 * The parts of Mastodon's API entities Netra relies on (docs.joinmastodon.org/entities). Objects
 * are loose and nothing is defaulted, so a parsed body is the body as received (kept as `raw`
 * evidence). Ids are strings and stay strings: Mastodon's are digits ("cast from an integer, but
 * not guaranteed to be a number"), Pleroma's and Akkoma's 128-bit flake ids are letters and digits.
 */
const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be an id string (digits, or letters and digits)');
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date');

export const mastodonAccount = z.looseObject({
  id,
  username: z.string().min(1),
  acct: z.string().min(1),
  display_name: z.string(),
  url: z.string().nullable().optional(),
  suspended: z.boolean().optional(),
});
export type MastodonAccount = z.infer<typeof mastodonAccount>;

// docs.joinmastodon.org/entities/MediaAttachment: url is the instance's copy (null while a
// remote file is not yet cached), remote_url the origin server's, preview_url a still of a video.
const mediaAttachment = z.looseObject({
  type: z.string(),
  url: z.string().nullable().optional(),
  preview_url: z.string().nullable().optional(),
  remote_url: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
export type MastodonMediaAttachment = z.infer<typeof mediaAttachment>;

const statusFields = {
  id,
  created_at: isoDate,
  in_reply_to_id: id.nullable(),
  in_reply_to_account_id: id.nullable().optional(),
  content: z.string(),
  spoiler_text: z.string().optional(),
  url: z.string().nullable().optional(),
  uri: z.string(),
  account: mastodonAccount,
  media_attachments: z.array(mediaAttachment).optional(),
  edited_at: isoDate.nullable().optional(),
  favourites_count: z.number().int().nonnegative().optional(),
  reblogs_count: z.number().int().nonnegative().optional(),
  replies_count: z.number().int().nonnegative().optional(),
};

const quotedStatus = z.looseObject({ ...statusFields, reblog: z.null().optional() });
/** Mastodon 4.4 quote posts: the quoted status while it is there (state 'accepted'). */
const quote = z.looseObject({ state: z.string(), quoted_status: quotedStatus.nullable().optional() }).nullable().optional();
const originalStatus = z.looseObject({ ...statusFields, quote, reblog: z.null().optional() });
export const mastodonStatus = z.looseObject({ ...statusFields, quote, reblog: originalStatus.nullable() });
export type MastodonStatus = z.infer<typeof mastodonStatus>;
export type MastodonOriginalStatus = z.infer<typeof originalStatus>;
export type MastodonQuotedStatus = z.infer<typeof quotedStatus>;

export const mastodonStatusList = z.array(mastodonStatus);
export const mastodonAccountList = z.array(mastodonAccount);
export const mastodonContext = z.looseObject({ ancestors: z.array(mastodonStatus), descendants: z.array(mastodonStatus) });
