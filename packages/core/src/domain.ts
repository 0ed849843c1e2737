/** The vocabulary every package shares. Values are stored in the database as these strings. */

export const platforms = ['mastodon', 'bluesky', 'x'] as const;
export type Platform = (typeof platforms)[number];

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

/** PP 94/2021 sanction levels: light / moderate / heavy. The system suggests; people decide. */
export const severities = ['ringan', 'sedang', 'berat'] as const;
export type Severity = (typeof severities)[number];

export const roles = ['reviewer', 'supervisor', 'central_reviewer', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

export const postKinds = ['post', 'repost', 'reply'] as const;
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
] as const;
export type ReviewEventType = (typeof reviewEventTypes)[number];

export const reviewStatuses = ['open', 'claimed', 'escalated', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const dismissReasons = [
  'not_partisan',
  'allowed_exception',
  'not_this_persons_account',
  'duplicate',
  'other',
] as const;
export type DismissReason = (typeof dismissReasons)[number];
