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
}
