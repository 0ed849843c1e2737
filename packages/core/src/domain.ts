/** The vocabulary every package shares. Values are stored in the database as these strings. */

/** The platforms Netra polls through their public APIs. */
export const platforms = ['mastodon', 'bluesky', 'x'] as const;
export type Platform = (typeof platforms)[number];
/**
 * Platforms Netra cannot poll (no public API for others' posts): their accounts are registered
 * for linking, and their posts reach Netra as reports from the public or staff, captured by URL.
 */
export const reportedPlatforms = ['facebook', 'instagram', 'tiktok', 'youtube', 'threads'] as const;
export type ReportedPlatform = (typeof reportedPlatforms)[number];
export const anyPlatforms = [...platforms, ...reportedPlatforms] as const;
/** Any platform a registered account or a captured post may be on. */
export type AnyPlatform = Platform | ReportedPlatform;
export const isPolledPlatform = (platform: string): platform is Platform => (platforms as readonly string[]).includes(platform);

/** Behaviour codes from shared/DOMAIN.md ("What a monitored ASN must not do"). */
export const violationCodes = [
  'campaign_content',
  'support_like',
  'support_share',
  'support_comment',
  'number_symbol',
  'party_attribute',
  'campaign_attendance',
  'mobilization',
  'campaign_speech',
  'self_candidacy',
  'photo_with_candidate',
  'state_facility',
  'support_letter',
] as const;
export type ViolationCode = (typeof violationCodes)[number];

export function isViolationCode(value: string): value is ViolationCode {
  return (violationCodes as readonly string[]).includes(value);
}

/** PP 94/2021 sanction levels: light / moderate / heavy. The system suggests; people decide. */
export const severities = ['ringan', 'sedang', 'berat'] as const;
export type Severity = (typeof severities)[number];
export function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

/** Heavier severities rank higher: the order of `severities`. */
export const severityRank: Record<Severity, number> = { ringan: 1, sedang: 2, berat: 3 };

export const roles = ['reviewer', 'supervisor', 'central_reviewer', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

/** A quote is a post with text of its own that embeds another post (X quote, Bluesky embed.record, Mastodon 4.4 quote). */
export const postKinds = ['post', 'repost', 'reply', 'quote'] as const;
export type PostKind = (typeof postKinds)[number];

export const engagementKinds = ['like', 'share', 'comment'] as const;
export type EngagementKind = (typeof engagementKinds)[number];

export const accountStatuses = ['active', 'renamed', 'suspended', 'protected', 'not_found'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const reviewEventTypes = [
  'opened',
  'claimed',
  'released',
  'confirmed',
  'dismissed',
  'escalated',
  'reopened',
  /** A supervisor's four-eyes approval of someone else's confirm. */
  'approved',
  /** Put on hold while consulting (Bawaslu, legal): off the queue, the SLA clock honest. */
  'held',
  /** The system re-opened a dismissed item because its content changed or a suppression ran out. */
  'reflagged',
  /** A person asked for a failed delivery to be tried again. */
  'forwarding_retried',
] as const;
export type ReviewEventType = (typeof reviewEventTypes)[number];

export const reviewStatuses = ['open', 'claimed', 'escalated', 'on_hold', 'awaiting_approval', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const dismissReasons = [
  'not_partisan',
  'allowed_exception',
  'not_this_persons_account',
  'duplicate',
  'other',
] as const;
export type DismissReason = (typeof dismissReasons)[number];
