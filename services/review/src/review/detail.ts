import type { Kysely } from 'kysely';
import { availableActions, type AnyPlatform, type EngagementKind, type PostKind, type PriorityPart, type ReviewAction, type ReviewEventType, type ReviewState, type ReviewStatus, type Role, type Severity } from '@netra/core';
import {
  ForwardingRepository,
  MediaRepository,
  PostVersionRepository,
  projectedState,
  ReviewCaseRepository,
  textVersionsOf,
  versionCurrentAt,
  type Database,
  type Post,
  type PostImage,
  type PostTextVersion,
} from '@netra/db';
import { readEvidence, type EvidenceItem } from './evidence.js';
import type { ItemScope } from './scope.js';

/** A post as we captured it: the text the classifier read, and the hash that proves it. */
export interface CapturedPost {
  id: string;
  platform: AnyPlatform;
  platform_post_id: string;
  author_handle: string;
  kind: PostKind;
  /** The version the item's classification read (an edited post is classified as it then read). */
  text: string;
  url: string | null;
  posted_at: Date;
  captured_at: Date;
  content_sha256: string;
  /** Every text the post has had, the first captured one first; more than one when it was edited. */
  versions: PostTextVersion[];
  /** Which of `versions` (counting from 1) is `text`. */
  shown_version: number;
  /** Set when the platform no longer shows it; our copy stays as evidence (invariant 5). */
  deleted_at: Date | null;
  /** Its images, in order: kept ones with their file's SHA-256 and the words read in them. */
  images: CapturedImage[];
}

/** An image of a captured post; the file itself is served to those who may see the item. */
export interface CapturedImage {
  position: number;
  kind: 'image' | 'video_preview';
  /** The platform's alt text. */
  description: string | null;
  source_url: string;
  state: 'pending' | 'stored' | 'refused' | 'failed';
  /** Why it is not kept, for a refused or failed image. */
  problem: string | null;
  fetched_at: Date | null;
  /** The kept file; null until it is. */
  file: { sha256: string; format: string; bytes: number; width: number; height: number; phash: string } | null;
  /** Words OCR read in the image ('' when none). Evidence from an image names the image by its index among the kept ones. */
  ocr_text: string;
}

export type ReviewSubject =
  | { kind: 'post'; post: CapturedPost }
  | {
      kind: 'engagement';
      engagement_kind: EngagementKind;
      first_seen_at: Date;
      last_seen_at: Date;
      /** The candidate's or party's post the ASN liked, shared or replied to. */
      target_post: CapturedPost;
      /** Who wrote the target post: a registered candidate's or party's account, or someone else. */
      target_author: { handle: string; candidate: string | null };
      /** The ASN's reply itself, for a comment. */
      comment_post: CapturedPost | null;
    };

export interface HistoryEntry {
  seq: number;
  type: ReviewEventType;
  actor: { id: number; display_name: string } | null;
  at: Date;
  payload: unknown;
  hash: string;
}

/** Everything a reviewer needs to decide an item; also the body of the forwarded report. */
export interface ReviewItemDetail {
  id: string;
  status: ReviewStatus;
  priority: number;
  /** The points of each part of the priority; null for an item opened before they were kept. */
  priority_parts: Record<PriorityPart, number> | null;
  opened_at: Date;
  /** The stored projection of the item's log: what `availableActions` reads. */
  state: ReviewState;
  claim: { user_id: number; display_name: string; expires_at: Date } | null;
  civil_servant: {
    id: number;
    name: string;
    nip: string;
    position: string | null;
    agency: { id: number; code: string; name: string; requires_four_eyes: boolean };
    region: { code: string; name: string };
    /** The allowed exception: an ASN may appear with a spouse who is a candidate (DOMAIN.md). */
    spouse_candidate: { id: number; label: string; election: string } | null;
  };
  classification: {
    id: string;
    classifier_version: string;
    score: number;
    codes: string[];
    suggested_severity: Severity | null;
    /** As the classifier recorded it: matched spans, symbols, candidate, election, rule. */
    evidence: unknown;
    /** The evidence items that could be read, for highlights and rule citations. */
    findings: EvidenceItem[];
    exception: string | null;
    /** The elections the matched candidates belong to, by code. */
    elections: { code: string; name: string }[];
    classified_at: Date;
  };
  subject: ReviewSubject;
  /** Set when the post came in as a report from the public or staff. */
  report: ItemReport | null;
  history: HistoryEntry[];
}

/** The report an item came from: what was reported, by whom (kind), and what the capture found. */
export interface ItemReport {
  id: string;
  source: 'public' | 'staff';
  url: string;
  description: string;
  /** The reporter's contact: personal data, shown on the case page, left out of the forwarded report. */
  contact: string | null;
  received_at: Date;
  capture: {
    captured_at: Date | null;
    final_url: string | null;
    http_status: number | null;
    login_wall: boolean | null;
    html_sha256: string | null;
    screenshot_sha256: string | null;
    error: string | null;
  };
}

/** What the workspace shows beside the case itself (not part of the forwarded report). */
export interface ItemWorkspace {
  /** What the person who opened the item can do to it now (the page offers these only). */
  available_actions: ReviewAction[];
  /** This civil servant's other items the viewer may see, newest first. */
  earlier_items: { id: string; status: ReviewStatus; opened_at: Date; codes: string[] }[];
  forwardings: Awaited<ReturnType<ForwardingRepository['forItem']>>;
}

/** The item with this id if the scope lets the caller see it; null otherwise (same as absent). */
export async function loadItemDetail(db: Kysely<Database>, scope: ItemScope, itemId: string): Promise<ReviewItemDetail | null> {
  const cases = new ReviewCaseRepository(db);
  const row = await cases.item(scope, itemId);
  if (!row) return null;

  // The ASN's own post or comment is shown as the classifier read it; the target post as first captured.
  const posts = await loadPosts(db, cases, [row.post_id, row.target_post_id, row.evidence_post_id], {
    classifiedAt: row.classified_at,
    readAsClassified: [row.post_id, row.evidence_post_id],
  });
  const post = (id: string | null) => (id === null ? null : (posts.get(id) ?? null));
  const evidence = readEvidence(row.evidence);
  const subject: ReviewSubject =
    row.engagement_kind === null
      ? { kind: 'post', post: required(post(row.post_id), 'post') }
      : {
          kind: 'engagement',
          engagement_kind: row.engagement_kind,
          first_seen_at: required(row.first_seen_at, 'engagement'),
          last_seen_at: required(row.last_seen_at, 'engagement'),
          target_post: required(post(row.target_post_id), 'target post'),
          target_author: await cases.authorOf(required(row.target_post_id, 'target post')),
          comment_post: post(row.evidence_post_id),
        };

  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    priority_parts: row.priority_parts,
    opened_at: row.opened_at,
    state: projectedState({ ...row, status: row.stored_status }),
    claim:
      row.status === 'claimed' && row.claimed_by !== null && row.claim_expires_at !== null
        ? { user_id: row.claimed_by, display_name: row.claimer_name ?? '', expires_at: row.claim_expires_at }
        : null,
    civil_servant: {
      id: row.civil_servant_id,
      name: row.full_name,
      nip: row.nip,
      position: row.position,
      agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name, requires_four_eyes: row.requires_four_eyes },
      region: { code: row.region_code, name: row.region_name },
      spouse_candidate:
        row.spouse_id === null
          ? null
          : { id: row.spouse_id, label: row.spouse_label ?? '', election: row.spouse_election ?? '' },
    },
    classification: {
      id: row.classification_id,
      classifier_version: row.classifier_version,
      score: row.score,
      codes: row.codes,
      suggested_severity: row.severity,
      evidence: row.evidence,
      findings: evidence.items,
      exception: evidence.exception,
      elections: await cases.elections([...new Set(evidence.items.flatMap((e) => (e.candidate ? [e.candidate.electionCode] : [])))]),
      classified_at: row.classified_at,
    },
    subject,
    report: row.post_id === null ? null : toItemReport(await cases.reportOf(row.post_id)),
    history: (await cases.history(row.id)).map(toHistoryEntry),
  };
}

/** What `viewer` can do to the item now, the civil servant's other items within the same scope, and the deliveries of this one. */
export async function loadItemWorkspace(
  db: Kysely<Database>,
  scope: ItemScope,
  viewer: { userId: number; role: Role },
  detail: ReviewItemDetail,
  now: Date,
): Promise<ItemWorkspace> {
  const earlier = await new ReviewCaseRepository(db).otherItemsOf(scope, detail.civil_servant.id, detail.id);
  return {
    available_actions: availableActions(detail.state, viewer, now),
    earlier_items: earlier,
    forwardings: await new ForwardingRepository(db).forItem(detail.id),
  };
}

async function loadPosts(
  db: Kysely<Database>,
  cases: ReviewCaseRepository,
  ids: readonly (string | null)[],
  classification: { classifiedAt: Date; readAsClassified: readonly (string | null)[] },
): Promise<Map<string, CapturedPost>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const [rows, images, later] = await Promise.all([cases.posts(wanted), new MediaRepository(db).ofPosts(wanted), new PostVersionRepository(db).laterVersions(wanted)]);
  return new Map(
    rows.map((row) => {
      const texts = textVersionsOf(row, later.get(row.id) ?? []);
      const shown = classification.readAsClassified.includes(row.id) ? versionCurrentAt(texts, classification.classifiedAt) : texts[0]!;
      return [row.id, toCapturedPost(row, images.get(row.id) ?? [], texts, shown)];
    }),
  );
}

function toCapturedImage(image: PostImage): CapturedImage {
  const { object } = image;
  return {
    position: image.position,
    kind: image.kind,
    description: image.description,
    source_url: image.sourceUrl,
    state: image.state,
    problem: image.error,
    fetched_at: image.fetchedAt,
    file: object && { sha256: object.sha256, format: object.format, bytes: object.bytes, width: object.width, height: object.height, phash: object.phash },
    ocr_text: object?.ocrText ?? '',
  };
}

function toCapturedPost(row: Post, images: readonly PostImage[], versions: PostTextVersion[], shown: PostTextVersion): CapturedPost {
  return {
    id: row.id,
    platform: row.platform,
    platform_post_id: row.platform_post_id,
    author_handle: row.author_handle,
    kind: row.kind,
    text: shown.text,
    url: row.url,
    posted_at: row.posted_at,
    captured_at: row.fetched_at,
    content_sha256: shown.content_sha256,
    versions,
    shown_version: versions.indexOf(shown) + 1,
    deleted_at: row.deleted_at,
    images: images.map(toCapturedImage),
  };
}

function toItemReport(row: Awaited<ReturnType<ReviewCaseRepository['reportOf']>>): ItemReport | null {
  if (!row) return null;
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    description: row.description,
    contact: row.contact,
    received_at: row.created_at,
    capture: {
      captured_at: row.captured_at,
      final_url: row.final_url,
      http_status: row.http_status,
      login_wall: row.login_wall,
      html_sha256: row.html_sha256,
      screenshot_sha256: row.screenshot_sha256,
      error: row.capture_error,
    },
  };
}

function toHistoryEntry(row: Awaited<ReturnType<ReviewCaseRepository['history']>>[number]): HistoryEntry {
  return {
    seq: row.seq,
    type: row.type,
    actor: row.actor_user_id === null ? null : { id: row.actor_user_id, display_name: row.display_name ?? '' },
    at: row.created_at,
    payload: row.payload,
    hash: row.hash,
  };
}

/** The schema's CHECKs guarantee these; a miss means a broken row, not a user error. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`review item refers to a missing ${what}`);
  return value;
}

