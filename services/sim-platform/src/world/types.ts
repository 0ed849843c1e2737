import type { ViolationCode } from '@netra/core';

export interface SimAccount {
  id: string;
  username: string;
  displayName: string;
  /** Profile bio, plain text (rendered to HTML like status content). */
  note: string;
  createdAt: Date;
  locked: boolean;
  bot: boolean;
  suspended: boolean;
  /** Posts hidden from the public (X "protected"): served as not authorised. */
  protectedPosts: boolean;
}

export interface SimStatus {
  id: string;
  accountId: string;
  /** The author's text, plain; rendered to Mastodon-style HTML only when served. */
  text: string;
  createdAt: Date;
  editedAt: Date | null;
  inReplyToId: string | null;
  reblogOfId: string | null;
  /** The post this one quotes, with text of its own. */
  quoteOfId: string | null;
  /** Attached images, in order: alt text and what the file shows when fetched. */
  media: SimMedia[];
}

/**
 * What an attached image's file is: a poster (lines of bold text on a coloured ground), a
 * textless photo-like scene (seeded), or given bytes (a test's odd file). Rendered when fetched.
 */
export type SimMediaContent =
  | { poster: string[]; background?: string; /** A re-upload: shrunk and recompressed, as platforms and phones do. */ copy?: { width: number; quality: number } }
  | { scene: number }
  | { bytes: Buffer; contentType: string };

/** A public page of a platform Netra cannot poll, as an anonymous visitor sees it. */
export interface SimWebPage {
  title: string;
  author: string;
  /** The post's words (also the page's og:description). */
  text: string;
  /** Lines of a poster shown in the post. */
  poster?: string[];
  /** The platform shows a sign-in form instead. */
  loginWall?: boolean;
}

export interface SimMedia {
  description: string;
  content: SimMediaContent;
}

export interface SimFavourite {
  id: string;
  accountId: string;
  statusId: string;
  createdAt: Date;
}

/**
 * What a human labeller would say about an ASN's post or like: the DOMAIN.md codes it shows,
 * [] for neutral. Kept in the world for measuring the classifier; never served by the Mastodon API.
 */
export interface GroundTruth {
  subject: { kind: 'status'; statusId: string } | { kind: 'favourite'; favouriteId: string; statusId: string };
  acct: string;
  codes: ViolationCode[];
  /** Why, when the label is not obvious from the text (e.g. the spouse exception). */
  note?: string;
}

export interface NewStatus {
  acct: string;
  text?: string;
  inReplyToId?: string | null;
  reblogOfId?: string | null;
  quoteOfId?: string | null;
  createdAt?: Date;
  /** Images known only by their alt text: their files are textless scenes. */
  mediaDescriptions?: string[];
  /** Images with a given file, after those of mediaDescriptions. */
  media?: { description?: string; content: SimMediaContent }[];
  /** Ground truth for an ASN's post; omitted for accounts nobody monitors. */
  label?: { codes: ViolationCode[]; note?: string };
}

export interface NewAccount {
  username: string;
  displayName: string;
  note?: string;
  createdAt?: Date;
  bot?: boolean;
  locked?: boolean;
}
