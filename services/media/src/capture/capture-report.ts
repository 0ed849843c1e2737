import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import { accountOfUrl, errorMessage } from '@netra/core';
import type { Capture, MediaObjectFacts, Report, ReportAccount, ReportRepository } from '@netra/db';
import { enqueueClassifyBatches, isLastAttempt, type JobPayload } from '@netra/queue';
import type { MediaDeps } from '../deps.js';
import { keepAndRead, readImage } from '../read-image.js';
import type { SharedBrowser } from './browser.js';
import { capturePage, CaptureRefused, type CaptureOptions } from './capture-page.js';

export interface CaptureDeps extends MediaDeps {
  reports: ReportRepository;
  browser: SharedBrowser;
  capture: CaptureOptions;
}

/**
 * Captures a report: the page as an anonymous visitor sees it (a login wall is recorded as one),
 * its screenshot and HTML kept by SHA-256 and the screenshot read like any image; the reporter's
 * upload read too. Then the report is linked to the civil servant whose registered account the
 * link (after redirects) names, and queued as that person's post; otherwise it waits for a
 * central reviewer. A page that cannot be opened is tried again with the job; after the last
 * attempt the report goes on with what it has (the upload), the failure recorded.
 */
export function captureReportHandler(deps: CaptureDeps) {
  return async ({ reportId }: JobPayload<'capture-report'>, job: Job): Promise<void> => {
    const report = await deps.reports.get(reportId);
    if (!report || report.status !== 'received') return;
    const lastAttempt = isLastAttempt(job);
    let capture: Capture | { error: string };
    try {
      capture = await captureOf(deps, report.url);
    } catch (error) {
      const reason = error instanceof CaptureRefused ? error.message : `halaman tidak dapat dibuka: ${errorMessage(error).split('\n')[0]}`;
      // A refused address will not change on a retry; a timeout or a crash may.
      if (!lastAttempt && !(error instanceof CaptureRefused)) {
        await deps.reports.recordAttemptFailed(reportId, reason);
        throw error;
      }
      capture = { error: reason };
    }
    const upload = report.upload_sha256 ? await readUpload(deps, report.upload_sha256) : null;
    const account = await accountOf(deps, report, 'error' in capture ? null : capture.finalUrl);
    const postId = await deps.reports.recordCapture(reportId, capture, account, upload);
    deps.logger.info({ reportId, linked: postId !== null, error: 'error' in capture ? capture.error : undefined }, 'report captured');
    if (postId) await enqueueClassifyBatches(deps.queues, { postIds: [postId], engagementIds: [] });
  };
}

async function captureOf(deps: CaptureDeps, url: string): Promise<Capture> {
  const page = await capturePage(deps.browser, url, deps.capture);
  const htmlSha256 = createHash('sha256').update(page.html).digest('hex');
  await deps.store.put(htmlSha256, page.html);
  return {
    capturedAt: page.capturedAt,
    finalUrl: page.finalUrl,
    httpStatus: page.httpStatus,
    loginWall: page.loginWall,
    pageTitle: page.title,
    pageText: page.loginWall ? null : page.text,
    htmlSha256,
    screenshot: await keepAndRead(deps, page.screenshot),
  };
}

async function readUpload(deps: CaptureDeps, sha256: string): Promise<MediaObjectFacts | null> {
  // Already in the store (review kept it when the report came in): read, not kept again.
  const bytes = await deps.store.get(sha256);
  return bytes ? readImage(deps, bytes) : null;
}

/** The registered civil servant's account the final URL (else the reported one) names. */
async function accountOf(deps: CaptureDeps, report: Report, finalUrl: string | null): Promise<ReportAccount | undefined> {
  for (const url of [finalUrl, report.url]) {
    const named = url ? accountOfUrl(url) : null;
    if (named?.handle) {
      const account = await deps.reports.accountFor(named.platform, named.handle);
      if (account) return account;
    }
  }
  return undefined;
}
