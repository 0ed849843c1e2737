import { z } from 'zod';

/** The parts of X API v2's objects Netra relies on. Ids are digit strings and stay strings. */
const id = z.string().regex(/^\d+$/, 'must be a string of digits');
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date');

export const xUser = z.looseObject({ id, username: z.string().min(1), name: z.string(), protected: z.boolean().optional() });
export type XUser = z.infer<typeof xUser>;

export const xTweet = z.looseObject({
  id,
  text: z.string(),
  author_id: id,
  created_at: isoDate,
  conversation_id: id.optional(),
  edit_history_tweet_ids: z.array(id).optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.enum(['retweeted', 'replied_to', 'quoted']), id })).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  public_metrics: z
    .looseObject({ like_count: z.number().int().optional(), retweet_count: z.number().int().optional(), reply_count: z.number().int().optional() })
    .optional(),
});
export type XTweet = z.infer<typeof xTweet>;

export const xIncludes = z
  .looseObject({
    users: z.array(xUser).optional(),
    tweets: z.array(xTweet).optional(),
    // X's Media object: a photo's file is `url`; a video's or animated GIF's still is `preview_image_url`.
    media: z
      .array(
        z.looseObject({
          media_key: z.string(),
          type: z.string().optional(),
          url: z.string().optional(),
          preview_image_url: z.string().optional(),
          alt_text: z.string().optional(),
        }),
      )
      .optional(),
  })
  .optional();
export type XIncludes = z.infer<typeof xIncludes>;

const meta = z.looseObject({ result_count: z.number().int().optional(), next_token: z.string().optional(), newest_id: id.optional() });

export const userResponse = z.looseObject({ data: xUser });
export const tweetResponse = z.looseObject({ data: xTweet, includes: xIncludes });
export const tweetListResponse = z.looseObject({ data: z.array(xTweet).optional(), includes: xIncludes, meta });
export const userListResponse = z.looseObject({ data: z.array(xUser).optional(), meta });
