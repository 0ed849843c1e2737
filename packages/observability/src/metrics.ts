import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.js';

/** Every metric Netra exports. Names follow Prometheus conventions: unit suffixes, _total counters. */
const registers = [metricsRegistry];

export const jobsCompleted = new Counter({
  name: 'netra_jobs_completed_total',
  help: 'Jobs that finished successfully, per queue and job name.',
  labelNames: ['queue', 'job'] as const,
  registers,
});

export const jobsFailed = new Counter({
  name: 'netra_jobs_failed_total',
  help: 'Jobs that failed for good (attempts used up, or an unrecoverable error).',
  labelNames: ['queue', 'job'] as const,
  registers,
});

export const jobsRetried = new Counter({
  name: 'netra_jobs_retried_total',
  help: 'Failed attempts that BullMQ will retry.',
  labelNames: ['queue', 'job'] as const,
  registers,
});

export const jobDuration = new Histogram({
  name: 'netra_job_duration_seconds',
  help: 'Time a worker spent on one attempt of a job.',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

export const queueJobs = new Gauge({
  name: 'netra_queue_jobs',
  help: 'Jobs in a queue by state (waiting, active, delayed, failed, ...), read at scrape time.',
  labelNames: ['queue', 'state'] as const,
  registers,
});

export const queueOldestWaiting = new Gauge({
  name: 'netra_queue_oldest_waiting_seconds',
  help: 'Age of the oldest job waiting to be picked up (0 when none waits).',
  labelNames: ['queue'] as const,
  registers,
});

export const platformApiCalls = new Counter({
  name: 'netra_platform_api_calls_total',
  help: 'HTTP calls to a social platform API, by platform and response status (or "error" without one).',
  labelNames: ['platform', 'status'] as const,
  registers,
});

export const platformRateLimited = new Counter({
  name: 'netra_platform_api_rate_limited_total',
  help: 'Platform API calls answered 429 Too Many Requests.',
  labelNames: ['platform'] as const,
  registers,
});

export const httpRequestDuration = new Histogram({
  name: 'netra_http_request_duration_seconds',
  help: 'HTTP requests served, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

export const forwardingOutcomes = new Counter({
  name: 'netra_forwarding_outcomes_total',
  help: 'Delivery attempts of confirmed cases to agencies: delivered, retry (will try again), failed (gave up) or cancelled (reopened while in flight).',
  labelNames: ['channel', 'outcome'] as const,
  registers,
});

export const statsRefreshDuration = new Histogram({
  name: 'netra_stats_refresh_duration_seconds',
  help: 'Time one incremental refresh of the statistics tables took.',
  buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers,
});

export const statsRefreshedAt = new Gauge({
  name: 'netra_stats_last_refresh_timestamp_seconds',
  help: 'When the statistics tables were last refreshed (Unix time).',
  registers,
});

export const pollStaleness = new Gauge({
  name: 'netra_ingest_poll_staleness_seconds',
  help: "How far the least recently polled active account is past the longest interval any account may have (4x the default, +10% jitter); 0 while every account is polled in time. Rising: polling has stopped for that platform.",
  labelNames: ['platform'] as const,
  registers,
});

export const reviewUndecided = new Gauge({
  name: 'netra_review_undecided_items',
  help: 'Review items not yet confirmed or dismissed (holds and pending approvals included), per agency; agencies with none are absent.',
  labelNames: ['agency'] as const,
  registers,
});

export const reviewOldestUndecidedAge = new Gauge({
  name: 'netra_review_oldest_undecided_age_seconds',
  help: 'How long the oldest undecided review item of the agency has waited. Rising: its reviewers are falling behind.',
  labelNames: ['agency'] as const,
  registers,
});

export const schedulerJobsAdded = new Counter({
  name: 'netra_scheduler_jobs_added_total',
  help: 'Jobs the scheduler actually added (work already queued is not counted), by job name; reconciled: re-derived from Postgres.',
  labelNames: ['job', 'source'] as const,
  registers,
});
