import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_ingest_platforms.js';
import * as m0003 from './0003_review_workspace.js';
import * as m0004 from './0004_statistics.js';
import * as m0005 from './0005_stats_monthly.js';
import * as m0006 from './0006_fault_tolerance.js';
import * as m0007 from './0007_sign_in_per_client.js';
import * as m0008 from './0008_session_idle_timeout.js';
import * as m0009 from './0009_handles_case_insensitive.js';
import * as m0010 from './0010_second_factor.js';
import * as m0011 from './0011_review_queue_projection.js';
import * as m0012 from './0012_post_media.js';
import * as m0013 from './0013_reports.js';
import * as m0014 from './0014_review_priority.js';
import * as m0015 from './0015_stats_by_activity_day.js';
import * as m0016 from './0016_review_confirmer.js';
import * as m0017 from './0017_review_queue_oldest_first.js';

/**
 * Every migration, by name, in the order they run. Listed statically (not read from the folder
 * at run time) so they load the same under tsx, vitest and a bundler; a test checks that each
 * file in this folder is listed here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_ingest_platforms': m0002,
  '0003_review_workspace': m0003,
  '0004_statistics': m0004,
  '0005_stats_monthly': m0005,
  '0006_fault_tolerance': m0006,
  '0007_sign_in_per_client': m0007,
  '0008_session_idle_timeout': m0008,
  '0009_handles_case_insensitive': m0009,
  '0010_second_factor': m0010,
  '0011_review_queue_projection': m0011,
  '0012_post_media': m0012,
  '0013_reports': m0013,
  '0014_review_priority': m0014,
  '0015_stats_by_activity_day': m0015,
  '0016_review_confirmer': m0016,
  '0017_review_queue_oldest_first': m0017,
};
