import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AccountStatus,
  AnyPlatform,
  EngagementKind,
  Platform,
  PostKind,
  PriorityPart,
  ReviewEventType,
  ReviewStatus,
  Role,
  Severity,
} from '@netra/core';

/**
 * The single truth of the schema in TypeScript; it mirrors migrations/ and must change with them.
 * Columns the database fills are Generated; timestamps read as Date and may be written as Date
 * or ISO text.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigserial / bigint ids arrive from pg as strings (they can exceed 2^53). */
type BigId = ColumnType<string, string | number, string | number>;
type BigSerial = ColumnType<string, string | number | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface RegionTable {
  code: string;
  name: string;
  parent_code: string | null;
}

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
  webhook_url: string | null;
  contact_email: string | null;
  created_at: DefaultTimestamp;
  /** A supervisor's approval is needed before a confirmed case is forwarded. */
  requires_four_eyes: ColumnType<boolean, boolean | undefined, boolean>;
  /** Cases also go by e-mail to contact_email. */
  email_cases: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ElectionTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'presidential' | 'legislative' | 'regional';
  region_code: string | null;
  campaign_starts_on: ColumnType<string, string, string>;
  campaign_ends_on: ColumnType<string, string, string>;
  vote_on: ColumnType<string, string, string>;
}

export interface CandidateTable {
  id: Generated<number>;
  election_id: number;
  kind: 'pair' | 'party';
  ballot_number: number | null;
  label: string;
  names: string[];
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  hashtags: ColumnType<string[], string[] | undefined, string[]>;
}

export interface CivilServantTable {
  id: Generated<number>;
  nip: string;
  full_name: string;
  agency_id: number;
  region_code: string;
  position: string | null;
  spouse_candidate_id: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SocialAccountTable {
  id: Generated<number>;
  platform: AnyPlatform;
  handle: string;
  platform_account_id: string | null;
  civil_servant_id: number | null;
  candidate_id: number | null;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  poll_cursor: string | null;
  next_poll_at: DefaultTimestamp;
  last_polled_at: Timestamp | null;
  last_error: string | null;
  created_at: DefaultTimestamp;
  /** Home instance (multi-instance Mastodon); null: the platform's configured base URL. */
  base_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** Adaptive poll interval; null: the configured default. */
  poll_interval_seconds: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the scheduler last handed the account to a poll job. */
  poll_claimed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SocialAccountEventTable {
  id: BigSerial;
  account_id: number;
  kind: 'resolved' | 'renamed' | 'status';
  from_value: string | null;
  to_value: string;
  reason: string | null;
  at: DefaultTimestamp;
}

export interface RawPageTable {
  id: BigSerial;
  platform: Platform;
  account_id: number | null;
  request_url: string;
  http_status: number;
  rate_headers: Json;
  body: string;
  body_sha256: string;
  retrieved_at: Timestamp;
  stored_at: DefaultTimestamp;
}

export interface PostVersionTable {
  id: BigSerial;
  post_id: BigId;
  text: string;
  content_sha256: string;
  raw: Json;
  edited_at: Timestamp | null;
  first_seen_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
}

export interface WatchedPostTable {
  post_id: BigId;
  platform: Platform;
  reason: 'engagement' | 'flagged';
  next_check_at: Timestamp | null;
  checks: ColumnType<number, number | undefined, number>;
  last_checked_at: Timestamp | null;
  like_count: number | null;
  likers_listed: number | null;
  share_count: number | null;
  sharers_listed: number | null;
  reply_count: number | null;
  repliers_listed: number | null;
}

export interface PostTable {
  id: BigSerial;
  platform: AnyPlatform;
  platform_post_id: string;
  account_id: number | null;
  author_handle: string;
  kind: PostKind;
  text: string;
  url: string | null;
  in_reply_to_platform_id: string | null;
  posted_at: Timestamp;
  fetched_at: DefaultTimestamp;
  raw: Json;
  content_sha256: string;
  deleted_at: Timestamp | null;
  /** The raw page that said the post is gone (the tombstone's evidence). */
  deletion_page_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set for a post that came in as a report (migration 0013). */
  report_id: ColumnType<string | null, string | number | null | undefined, never>;
  /** Likes + shares + replies as the platform last counted them; null when it gave none (migration 0014). */
  reach: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface EngagementTable {
  id: BigSerial;
  kind: EngagementKind;
  account_id: number;
  target_post_id: BigId;
  evidence_post_id: BigId | null;
  raw: Json;
  first_seen_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
}

export interface ClassificationTable {
  id: BigSerial;
  post_id: BigId | null;
  engagement_id: BigId | null;
  classifier_version: string;
  input_sha256: string;
  flagged: boolean;
  score: number;
  codes: string[];
  severity: Severity | null;
  evidence: Json;
  created_at: DefaultTimestamp;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: Role;
  agency_id: number | null;
  password_hash: string;
  created_at: DefaultTimestamp;
  disabled_at: Timestamp | null;
}

export interface SessionTable {
  token_sha256: string;
  user_id: number;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  /** The person's last request (background heartbeats aside); idle longer than the timeout: ended. */
  last_seen_at: DefaultTimestamp;
}

export interface UserTotpTable {
  user_id: number;
  secret_base32: string;
  created_at: DefaultTimestamp;
  confirmed_at: Timestamp | null;
  /** The TOTP time step of the last code accepted: a code is good once. */
  last_used_step: ColumnType<string, string | number | undefined, string | number>;
}

export interface UserRecoveryCodeTable {
  user_id: number;
  code_sha256: string;
  used_at: Timestamp | null;
}

export interface ReviewItemTable {
  id: BigSerial;
  post_id: BigId | null;
  engagement_id: BigId | null;
  civil_servant_id: number;
  agency_id: number;
  classification_id: BigId;
  priority: number;
  /** The points of each part of `priority` (migration 0014); null for items opened before it. */
  priority_parts: ColumnType<Record<PriorityPart, number> | null, string | null | undefined, string | null>;
  status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>;
  claimed_by: number | null;
  claim_expires_at: Timestamp | null;
  last_event_seq: ColumnType<number, number | undefined, number>;
  /** Part of the status projection: the item was escalated once, so a lapsed claim returns it to 'escalated'. */
  escalated: ColumnType<boolean, boolean | undefined, boolean>;
  /** Part of the status projection: who made the confirm now awaiting (or given) approval (migration 0016). */
  confirmed_by: ColumnType<number | null, number | null | undefined, number | null>;
  opened_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  // What the queue filters on, filled by a trigger from the civil servant, the classification
  // and the post (migration 0011): never written by code.
  region_code: ColumnType<string, never, never>;
  platform: ColumnType<AnyPlatform, never, never>;
  codes: ColumnType<string[], never, never>;
  election_codes: ColumnType<string[], never, never>;
}

/** Items per stored status and filter combination, kept by a trigger on review_items (migration 0011). */
export interface ReviewQueueCountTable {
  agency_id: number;
  status: ReviewStatus;
  region_code: string;
  platform: AnyPlatform;
  /** A violation code, or '*' for the row counting every code. */
  code: string;
  /** An election code, or '*' for the row counting every election. */
  election_code: string;
  items: number;
}

export interface ReviewEventTable {
  id: BigSerial;
  review_item_id: BigId;
  seq: number;
  type: ReviewEventType;
  actor_user_id: number | null;
  payload: Json;
  created_at: DefaultTimestamp;
  prev_hash: string | null;
  hash: string;
}

export interface ForwardingTable {
  id: BigSerial;
  review_item_id: BigId;
  confirm_event_id: BigId;
  agency_id: number;
  idempotency_key: string;
  report: Json;
  channel: ColumnType<ForwardingChannel, ForwardingChannel | undefined, ForwardingChannel>;
  /** The four-eyes approval, where the agency requires one. */
  approve_event_id: BigId | null;
  /** The printable Indonesian report (also the e-mail's body). */
  report_html: string | null;
  status: ColumnType<ForwardingStatus, 'pending' | undefined, ForwardingStatus>;
  /** A confirmed case, or the signed notice that a delivered case was withdrawn (reopened). */
  kind: ColumnType<ForwardingKind, ForwardingKind | undefined, ForwardingKind>;
  withdraws_forwarding_id: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_by_event_id: ColumnType<string | null, string | null | undefined, string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: DefaultTimestamp;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export type ForwardingChannel = 'webhook' | 'email';
/** cancelled: withdrawn by a reopen before it was delivered. */
export type ForwardingStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';
export type ForwardingKind = 'case' | 'withdrawal';

export interface ReconcileWatermarkTable {
  name: string;
  last_id: string;
}

export interface SignInThrottleTable {
  email: string;
  /** The client the failures came from (an IPv4 address, or an IPv6 /64). */
  client: string;
  failures: ColumnType<number, number | undefined, number>;
  locks: ColumnType<number, number | undefined, number>;
  last_failure_at: DefaultTimestamp;
  locked_until: Timestamp | null;
}

export interface CaseViewTable {
  id: BigSerial;
  review_item_id: BigId;
  user_id: number;
  viewed_at: DefaultTimestamp;
}

export interface ForwardingAttemptTable {
  id: BigSerial;
  forwarding_id: BigId;
  attempted_at: DefaultTimestamp;
  http_status: number | null;
  error: string | null;
  /** Null until the attempt's outcome is known; stays null for an attempt cut short by a crash. */
  duration_ms: number | null;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Statistics: derived from review_items and their events by packages/stats (migration 0004). */
export interface StatsFlagTable {
  review_item_id: BigId;
  agency_id: number;
  region_code: string;
  province_code: string;
  election_code: string | null;
  platform: string;
  codes: string[];
  severity: string | null;
  flagged_at: Timestamp;
  /** The civil servant's local calendar day of the activity (migration 0015). */
  activity_on: ColumnType<string, string, string>;
  status: string;
  decision: 'confirmed' | 'dismissed' | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decided_code: string | null;
  decided_severity: string | null;
  decision_seconds: number | null;
}

export interface StatsDailyTable {
  day: ColumnType<string, string, string>;
  agency_id: number;
  region_code: string;
  province_code: string;
  election_code: string | null;
  platform: string;
  code: string;
  severity: string | null;
  flags: number;
  flags_decided: number;
  flags_confirmed: number;
  code_flags: number;
  code_decided: number;
  code_confirmed: number;
  confirmed: number;
}

/** stats_daily summed per flag month (migration 0005). */
export interface StatsMonthlyTable extends Omit<StatsDailyTable, 'day'> {
  month: ColumnType<string, string, string>;
}

/** Decisions per reviewer and decision month, with every decision's seconds (migration 0005). */
export interface StatsReviewerMonthlyTable {
  activity_month: ColumnType<string, string, string>;
  month: ColumnType<string, string, string>;
  decided_by: number | null;
  agency_id: number;
  election_code: string | null;
  decision: 'confirmed' | 'dismissed';
  decision_seconds: number[];
}

export interface StatsRefreshStateTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  source_through: Timestamp;
  refreshed_at: Timestamp;
}

/** One distinct image, by the SHA-256 of its bytes (the media store's key), read once (migration 0012). */
export interface MediaObjectTable {
  sha256: string;
  format: string;
  bytes: number;
  width: number;
  height: number;
  /** 64-bit DCT perceptual hash, hex. */
  phash: string;
  /** The words OCR read in the image ('' when none). */
  ocr_text: string;
  stored_at: DefaultTimestamp;
}

export type PostMediaState = 'pending' | 'stored' | 'refused' | 'failed';
export type PostMediaKind = 'image' | 'video_preview';

/** A post's image, in the post's order, as the platform named it and as we fetched it (migration 0012). */
export interface PostMediaTable {
  post_id: BigId;
  position: number;
  kind: PostMediaKind;
  source_url: string;
  /** The platform's alt text. */
  description: string | null;
  state: ColumnType<PostMediaState, PostMediaState | undefined, PostMediaState>;
  media_sha256: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  error: string | null;
  fetched_at: Timestamp | null;
}

export type ReportStatus = 'received' | 'linked' | 'unlinked' | 'rejected';

/** A report from the public or staff about a post, captured from its URL (migration 0013). */
export interface ReportTable {
  id: BigSerial;
  source: 'public' | 'staff';
  submitted_by: number | null;
  url: string;
  platform: AnyPlatform | null;
  handle: string | null;
  description: string;
  /** Personal data: shown on the case only, never exported or counted. */
  contact: string | null;
  upload_sha256: string | null;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  capture_attempts: ColumnType<number, number | undefined, number>;
  capture_error: string | null;
  captured_at: Timestamp | null;
  final_url: string | null;
  http_status: number | null;
  login_wall: boolean | null;
  page_title: string | null;
  page_text: string | null;
  html_sha256: string | null;
  screenshot_sha256: string | null;
  civil_servant_id: number | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface Database {
  regions: RegionTable;
  agencies: AgencyTable;
  elections: ElectionTable;
  candidates: CandidateTable;
  civil_servants: CivilServantTable;
  social_accounts: SocialAccountTable;
  social_account_events: SocialAccountEventTable;
  raw_pages: RawPageTable;
  post_versions: PostVersionTable;
  watched_posts: WatchedPostTable;
  posts: PostTable;
  engagements: EngagementTable;
  classifications: ClassificationTable;
  users: UserTable;
  sessions: SessionTable;
  review_items: ReviewItemTable;
  review_events: ReviewEventTable;
  review_queue_counts: ReviewQueueCountTable;
  forwardings: ForwardingTable;
  forwarding_attempts: ForwardingAttemptTable;
  stats_flags: StatsFlagTable;
  stats_daily: StatsDailyTable;
  stats_monthly: StatsMonthlyTable;
  stats_reviewer_monthly: StatsReviewerMonthlyTable;
  stats_refresh_state: StatsRefreshStateTable;
  sign_in_throttle: SignInThrottleTable;
  user_totp: UserTotpTable;
  user_recovery_codes: UserRecoveryCodeTable;
  case_views: CaseViewTable;
  reconcile_watermarks: ReconcileWatermarkTable;
  media_objects: MediaObjectTable;
  post_media: PostMediaTable;
  reports: ReportTable;
}

export type Agency = Selectable<AgencyTable>;
export type Candidate = Selectable<CandidateTable>;
export type Election = Selectable<ElectionTable>;
export type CivilServant = Selectable<CivilServantTable>;
export type SocialAccount = Selectable<SocialAccountTable>;
/** An account on a platform Netra polls (not one registered only to link reports). */
export type PolledAccount = SocialAccount & { platform: Platform };
export type WatchedPost = Selectable<WatchedPostTable>;
export type Post = Selectable<PostTable>;
export type NewPost = Insertable<PostTable>;
export type Engagement = Selectable<EngagementTable>;
export type Classification = Selectable<ClassificationTable>;
export type User = Selectable<UserTable>;
export type ReviewItem = Selectable<ReviewItemTable>;
export type ReviewItemUpdate = Updateable<ReviewItemTable>;
export type ReviewEvent = Selectable<ReviewEventTable>;
export type Forwarding = Selectable<ForwardingTable>;
