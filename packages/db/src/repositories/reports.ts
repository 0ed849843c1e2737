import { sql, type Selectable, type Transaction } from 'kysely';
import { sha256Hex, type AnyPlatform } from '@netra/core';
import type { Db } from '../connection.js';
import type { Database, ReportTable } from '../schema.js';
import { recordMediaObject, type MediaObjectFacts } from './media.js';

export type Report = Selectable<ReportTable>;

export interface NewReport {
  source: 'public' | 'staff';
  submittedBy: number | null;
  url: string;
  platform: AnyPlatform | null;
  handle: string | null;
  description: string;
  contact: string | null;
  /** An uploaded screenshot already kept in the media store. */
  uploadSha256: string | null;
}

/** What opening the reported link in a browser found. */
export interface Capture {
  capturedAt: Date;
  finalUrl: string | null;
  httpStatus: number | null;
  loginWall: boolean;
  pageTitle: string | null;
  /** The post's words as the page gives them (og:description, else the page's text), bounded. */
  pageText: string | null;
  htmlSha256: string | null;
  screenshot: MediaObjectFacts | null;
}

/** The registered civil servant a report is about, through an account on the link's platform. */
export interface ReportAccount {
  platform: AnyPlatform;
  accountId: number;
  civilServantId: number;
  handle: string;
}

/**
 * Reports from the public and staff: received, captured by the capture worker, then linked to a
 * registered civil servant as a post (posts.report_id) that is classified and queued like any
 * other — or left for a central reviewer to link or reject.
 */
export class ReportRepository {
  constructor(private readonly db: Db) {}

  async create(report: NewReport): Promise<string> {
    const { id } = await this.db
      .insertInto('reports')
      .values({
        source: report.source,
        submitted_by: report.submittedBy,
        url: report.url,
        platform: report.platform,
        handle: report.handle,
        description: report.description,
        contact: report.contact,
        upload_sha256: report.uploadSha256,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  get(id: string): Promise<Report | undefined> {
    return this.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Reports not captured yet, oldest first: what the reconciler queues. */
  async waitingForCapture(limit = 500): Promise<string[]> {
    const rows = await this.db.selectFrom('reports').select('id').where('status', '=', 'received').orderBy('created_at').limit(limit).execute();
    return rows.map((row) => row.id);
  }

  /** Reports no registered account matched, for central reviewers, oldest first. */
  unlinked(limit = 200): Promise<Report[]> {
    return this.db.selectFrom('reports').selectAll().where('status', '=', 'unlinked').orderBy('created_at').limit(limit).execute();
  }

  async recordAttemptFailed(id: string, error: string): Promise<void> {
    await this.db.updateTable('reports').set({ capture_attempts: sql`capture_attempts + 1`, capture_error: error.slice(0, 500) }).where('id', '=', id).execute();
  }

  /** The civil servant's account on this platform with this handle, if registered. */
  async accountFor(platform: AnyPlatform, handle: string): Promise<ReportAccount | undefined> {
    const row = await this.db
      .selectFrom('social_accounts')
      .select(['id', 'civil_servant_id', 'handle'])
      .where('platform', '=', platform)
      .where(sql<boolean>`lower(handle) = ${handle.toLowerCase()}`)
      .where('civil_servant_id', 'is not', null)
      .executeTakeFirst();
    return row ? { platform, accountId: row.id, civilServantId: row.civil_servant_id!, handle: row.handle } : undefined;
  }

  /**
   * Records the capture and, when an account is known, links the report: the captured page
   * becomes a post of that account with the screenshot and the upload as its images, all in one
   * transaction. Returns the post's id when linked. A report already decided is left alone.
   */
  async recordCapture(id: string, capture: Capture | { error: string }, account: ReportAccount | undefined, upload: MediaObjectFacts | null): Promise<string | null> {
    return this.db.transaction().execute(async (trx) => {
      const report = await trx.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!report || report.status !== 'received') return null;
      const captured = 'error' in capture ? null : capture;
      const images = [...(captured?.screenshot ? [captured.screenshot] : []), ...(upload ? [upload] : [])];
      for (const image of images) await recordMediaObject(trx, image);
      await trx
        .updateTable('reports')
        .set({
          capture_attempts: sql`capture_attempts + 1`,
          capture_error: 'error' in capture ? capture.error.slice(0, 500) : null,
          captured_at: captured?.capturedAt ?? null,
          final_url: captured?.finalUrl ?? null,
          http_status: captured?.httpStatus ?? null,
          login_wall: captured?.loginWall ?? null,
          page_title: captured?.pageTitle ?? null,
          page_text: captured?.pageText ?? null,
          html_sha256: captured?.htmlSha256 ?? null,
          screenshot_sha256: captured?.screenshot?.sha256 ?? null,
          status: account ? 'linked' : 'unlinked',
          civil_servant_id: account?.civilServantId ?? null,
          // The account the capture found, when the link itself did not name it (a share link).
          ...(account ? { platform: account.platform, handle: account.handle } : {}),
        })
        .where('id', '=', id)
        .execute();
      const captureFacts = { final_url: captured?.finalUrl ?? null, page_text: captured?.pageText ?? null, captured_at: captured?.capturedAt ?? null };
      return account ? this.insertPost(trx, { ...report, ...captureFacts }, account, images.map((image) => image.sha256)) : null;
    });
  }

  /**
   * A central reviewer's link of an unlinked report to a civil servant by NIP: the account on the
   * link's platform is registered (not polled) when it was not, and the report becomes a post.
   * Returns the post's id, or why it could not be linked.
   */
  async link(id: string, nip: string, handle: string, decidedBy: number): Promise<{ postId: string } | { problem: 'not_unlinked' | 'unknown_nip' | 'no_platform' | 'account_taken' }> {
    return this.db.transaction().execute(async (trx) => {
      const report = await trx.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!report || report.status !== 'unlinked') return { problem: 'not_unlinked' as const };
      if (!report.platform) return { problem: 'no_platform' as const };
      const civilServant = await trx.selectFrom('civil_servants').select('id').where(sql<boolean>`nip = ${nip}::bpchar`).executeTakeFirst();
      if (!civilServant) return { problem: 'unknown_nip' as const };
      const lowered = handle.toLowerCase();
      const existing = await trx.selectFrom('social_accounts').select(['id', 'civil_servant_id', 'handle']).where('platform', '=', report.platform).where(sql<boolean>`lower(handle) = ${lowered}`).executeTakeFirst();
      if (existing && existing.civil_servant_id !== civilServant.id) return { problem: 'account_taken' as const };
      const accountId =
        existing?.id ??
        (
          await trx
            .insertInto('social_accounts')
            .values({ platform: report.platform, handle: lowered, platform_account_id: null, civil_servant_id: civilServant.id, candidate_id: null, poll_cursor: null, last_polled_at: null, last_error: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      await trx.updateTable('reports').set({ status: 'linked', civil_servant_id: civilServant.id, decided_by: decidedBy, decided_at: sql`now()` }).where('id', '=', id).execute();
      // The images that were read (an upload the capture could not read has no row to point at).
      const read = await trx.selectFrom('media_objects').select('sha256').where('sha256', 'in', [report.screenshot_sha256 ?? '', report.upload_sha256 ?? '']).execute();
      const images = [report.screenshot_sha256, report.upload_sha256].filter((sha): sha is string => read.some((m) => m.sha256 === sha));
      return { postId: await this.insertPost(trx, report, { platform: report.platform, accountId, civilServantId: civilServant.id, handle: existing?.handle ?? lowered }, images) };
    });
  }

  async reject(id: string, decidedBy: number): Promise<boolean> {
    const result = await this.db
      .updateTable('reports')
      .set({ status: 'rejected', decided_by: decidedBy, decided_at: sql`now()` })
      .where('id', '=', id)
      .where('status', 'in', ['unlinked', 'received'])
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  private async insertPost(
    trx: Transaction<Database>,
    report: Pick<Report, 'id' | 'url' | 'final_url' | 'page_text' | 'captured_at' | 'created_at'>,
    account: ReportAccount,
    imageSha256s: readonly string[],
  ): Promise<string> {
    const text = report.page_text ?? '';
    const { id: postId } = await trx
      .insertInto('posts')
      .values({
        platform: account.platform,
        platform_post_id: `report-${report.id}`,
        account_id: account.accountId,
        author_handle: account.handle,
        kind: 'post',
        text,
        url: report.final_url ?? report.url,
        in_reply_to_platform_id: null,
        // When it was posted is not known from a report; when it was seen is.
        posted_at: report.captured_at ?? report.created_at,
        raw: JSON.stringify({ report_id: report.id, reported_url: report.url }),
        content_sha256: sha256Hex(text),
        deleted_at: null,
        report_id: report.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (imageSha256s.length > 0) {
      await trx
        .insertInto('post_media')
        .values(imageSha256s.map((sha256, position) => ({ post_id: postId, position, kind: 'image' as const, source_url: report.url, description: null, state: 'stored' as const, media_sha256: sha256, attempts: 1, error: null, fetched_at: new Date() })))
        .execute();
    }
    return postId;
  }
}
