import { sha256Hex, type EngagementKind, type Role } from '@netra/core';
import { ActivityRepository, createUser, newIdempotencyKey, ReviewItemRepository, type Db } from '@netra/db';

/**
 * Rows a review test needs, created the way the system creates them: items are opened through
 * ReviewItemRepository, decisions go through its event log. Shared by the review and forwarder
 * tests.
 */
let counter = 0;
const next = () => ++counter;

export interface SeededAgency {
  id: number;
  code: string;
  regionCode: string;
}

export async function seedAgency(
  db: Db,
  options: { webhookUrl?: string | null; contactEmail?: string | null; emailCases?: boolean; requiresFourEyes?: boolean } = {},
): Promise<SeededAgency> {
  const n = next();
  const regionCode = `99.${n}`;
  await db.insertInto('regions').values({ code: regionCode, name: `Kota Uji ${n}`, parent_code: null }).execute();
  const code = `instansi-${n}`;
  const { id } = await db
    .insertInto('agencies')
    .values({
      code,
      name: `Instansi Uji ${n}`,
      region_code: regionCode,
      webhook_url: options.webhookUrl ?? null,
      contact_email: options.contactEmail ?? null,
      email_cases: options.emailCases ?? false,
      requires_four_eyes: options.requiresFourEyes ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, code, regionCode };
}

export const PASSWORD = 'kata-sandi-uji-yang-panjang';

export async function seedUser(db: Db, role: Role, agency: SeededAgency | null): Promise<{ id: number; email: string }> {
  const email = `${role}.${next()}@netra.test`;
  const { id } = await createUser(db, { email, displayName: `Pengguna ${role}`, role, agencyId: agency?.id ?? null, password: PASSWORD });
  return { id, email };
}

interface FlagOptions {
  text?: string;
  url?: string | null;
  priority?: number;
  codes?: string[];
  platform?: 'mastodon' | 'bluesky' | 'x';
}

/** A civil servant of the agency with a flagged post, and its open review item. */
export async function seedFlaggedPost(db: Db, agency: SeededAgency, options: FlagOptions = {}) {
  const { accountId, civilServantId } = await seedCivilServant(db, agency, options.platform);
  const postId = await seedPost(db, { accountId, text: options.text ?? 'Ayo coblos nomor 2! ✌️', url: options.url, platform: options.platform });
  return openItem(db, { postId }, { civilServantId, agency, options, text: options.text ?? 'Ayo coblos nomor 2! ✌️' });
}

/** Another flagged post by the same civil servant (for "earlier items of the same person"). */
export async function seedAnotherFlaggedPost(db: Db, agency: SeededAgency, civilServantId: number, options: FlagOptions = {}) {
  const account = await db.selectFrom('social_accounts').select('id').where('civil_servant_id', '=', civilServantId).executeTakeFirstOrThrow();
  const text = options.text ?? 'Coblos 02 lagi ✌️';
  const postId = await seedPost(db, { accountId: account.id, text, url: options.url, platform: options.platform });
  return openItem(db, { postId }, { civilServantId, agency, options, text });
}

/**
 * A flagged post edited on the platform after it was flagged: ingest stores the new text as a
 * version, and the classifier's new reading of it is what the item now points at.
 */
export async function seedEditedFlaggedPost(db: Db, agency: SeededAgency, texts: { first: string; edited: string }) {
  const { itemId, civilServantId } = await seedFlaggedPost(db, agency, { text: texts.first });
  const post = await db
    .selectFrom('posts')
    .innerJoin('review_items as ri', 'ri.post_id', 'posts.id')
    .selectAll('posts')
    .where('ri.id', '=', itemId)
    .executeTakeFirstOrThrow();
  const activity = new ActivityRepository(db);
  const stored = await activity.transaction((trx) =>
    activity.storePost(trx, {
      platform: post.platform as 'mastodon',
      platformPostId: post.platform_post_id,
      accountId: post.account_id,
      authorHandle: post.author_handle,
      kind: post.kind,
      text: texts.edited,
      url: post.url,
      inReplyToPlatformId: null,
      postedAt: post.posted_at,
      editedAt: new Date('2024-01-21T09:30:00Z'),
      raw: { content: texts.edited },
    }),
  );
  if (!stored.edited) throw new Error('the edit was not stored as a new version');
  await openItem(db, { postId: post.id }, { civilServantId, agency, options: {}, text: texts.edited });
  return { itemId, postId: post.id };
}

/** A civil servant of the agency who liked, shared or commented on a candidate's post. */
export async function seedFlaggedEngagement(
  db: Db,
  agency: SeededAgency,
  kind: EngagementKind,
  options: FlagOptions & { targetText?: string; commentText?: string } = {},
) {
  const { accountId, civilServantId } = await seedCivilServant(db, agency, options.platform);
  const targetPostId = await seedPost(db, { accountId: null, text: options.targetText ?? 'Coblos 02 untuk Indonesia maju', platform: options.platform });
  const commentPostId =
    kind === 'comment' ? await seedPost(db, { accountId, text: options.commentText ?? 'Siap menangkan 02!', platform: options.platform }) : null;
  const { id } = await db
    .insertInto('engagements')
    .values({ kind, account_id: accountId, target_post_id: targetPostId, evidence_post_id: commentPostId, raw: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return openItem(db, { engagementId: id }, { civilServantId, agency, options, text: options.commentText ?? '' });
}

export async function seedCivilServant(db: Db, agency: SeededAgency, platform: FlagOptions['platform'] = 'mastodon') {
  const n = next();
  const { id: civilServantId } = await db
    .insertInto('civil_servants')
    .values({
      nip: `19900101201501${String(1000 + n).slice(-4)}`,
      full_name: `ASN Uji ${n}`,
      agency_id: agency.id,
      region_code: agency.regionCode,
      position: 'Analis',
      spouse_candidate_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: accountId } = await db
    .insertInto('social_accounts')
    .values({ platform, handle: `asn_${n}`, platform_account_id: null, civil_servant_id: civilServantId, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { civilServantId, accountId };
}

export async function seedPost(
  db: Db,
  post: { accountId: number | null; text: string; url?: string | null | undefined; platform?: FlagOptions['platform'] },
): Promise<string> {
  const n = next();
  const { id } = await db
    .insertInto('posts')
    .values({
      platform: post.platform ?? 'mastodon',
      platform_post_id: `post-${n}`,
      account_id: post.accountId,
      author_handle: post.accountId === null ? 'kandidat_resmi' : `asn_${n}`,
      kind: 'post',
      text: post.text,
      url: post.url === undefined ? `https://mastodon.test/@asn/${n}` : post.url,
      in_reply_to_platform_id: null,
      posted_at: new Date('2024-01-20T08:00:00Z'),
      raw: JSON.stringify({ content: post.text }),
      content_sha256: sha256Hex(post.text),
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function openItem(
  db: Db,
  subject: { postId: string } | { engagementId: string },
  context: { civilServantId: number; agency: SeededAgency; options: FlagOptions; text: string },
) {
  const codes = context.options.codes ?? ['number_symbol'];
  const priority = context.options.priority ?? 0.8;
  const { id: classificationId } = await db
    .insertInto('classifications')
    .values({
      post_id: 'postId' in subject ? subject.postId : null,
      engagement_id: 'engagementId' in subject ? subject.engagementId : null,
      classifier_version: 'test-1',
      input_sha256: sha256Hex(`input-${next()}`),
      flagged: true,
      score: priority,
      codes,
      severity: 'berat',
      evidence: JSON.stringify(evidenceFor(context.text, codes[0]!)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { itemId } = await new ReviewItemRepository(db).openOrUpdate({
    subject,
    civilServantId: context.civilServantId,
    agencyId: context.agency.id,
    classificationId,
    priority,
    priorityParts: null,
  });
  return { itemId, civilServantId: context.civilServantId };
}

export const FIXTURE_RULE = 'PP 94/2021 Pasal 5 huruf n; SKB 2022';

/** Evidence in the classifier's stored shape, with a span on the word "coblos" when the text has it. */
function evidenceFor(text: string, code: string) {
  const start = text.toLowerCase().indexOf('coblos');
  return {
    items: [
      {
        code,
        rule: FIXTURE_RULE,
        severity: 'berat',
        weight: 0.8,
        matchedText: start >= 0 ? text.slice(start, start + 6) : 'coblos',
        ...(start >= 0 ? { span: { start, end: start + 6 } } : {}),
        source: 'text',
        candidate: { label: 'Prabowo–Gibran', ballotNumber: 2, electionCode: 'pilpres-2024' },
      },
    ],
    exception: null,
    input_kind: 'post',
  };
}

/**
 * A confirmed item with its outbox row, by the same path the review service takes: claim, then
 * in one transaction the 'confirmed' event and the forwarding that points at it.
 */
export async function seedConfirmedForwarding(
  db: Db,
  itemId: string,
  reviewerId: number,
  report: unknown = { review_item_id: itemId },
  options: { channel?: 'webhook' | 'email'; reportHtml?: string } = {},
) {
  const repository = new ReviewItemRepository(db);
  await repository.append({ itemId, type: 'claimed', actorUserId: reviewerId, leaseSeconds: 300 });
  return db.transaction().execute(async (trx) => {
    const { event } = await repository.appendInTransaction(trx, {
      itemId,
      type: 'confirmed',
      actorUserId: reviewerId,
      payload: { code: 'number_symbol', severity: 'berat', rule: FIXTURE_RULE },
    });
    const item = await trx.selectFrom('review_items').select('agency_id').where('id', '=', itemId).executeTakeFirstOrThrow();
    return trx
      .insertInto('forwardings')
      .values({
        review_item_id: itemId,
        confirm_event_id: event.id,
        agency_id: item.agency_id,
        idempotency_key: newIdempotencyKey(),
        report: JSON.stringify(report),
        channel: options.channel ?? 'webhook',
        report_html: options.reportHtml ?? null,
      })
      .returning(['id', 'idempotency_key'])
      .executeTakeFirstOrThrow();
  });
}
