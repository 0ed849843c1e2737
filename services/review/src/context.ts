import type { OutboundPolicy } from '@netra/core';
import type { MediaStore } from '@netra/media';
import type { SecondFactorPolicy } from './auth/second-factor.js';
import type { CaseViewRepository, Db, ReviewItemRepository, SignInThrottle } from '@netra/db';
import type { SessionCookie } from './auth/request-session.js';

/** What every route of the review app needs, built once in buildReviewApp. */
export interface ReviewContext {
  db: Db;
  reviewItems: ReviewItemRepository;
  caseViews: CaseViewRepository;
  throttle: SignInThrottle;
  cookie: SessionCookie;
  claimLeaseSeconds: number;
  /** Which addresses an agency webhook may be set to. */
  outbound: OutboundPolicy;
  secondFactor: SecondFactorPolicy;
  /** Where the evidence images are kept (MEDIA_DIR). */
  mediaStore: MediaStore;
}
