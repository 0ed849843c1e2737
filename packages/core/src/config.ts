import { z } from 'zod';
import { ConfigError } from './errors.js';
import { parseAllowList } from './outbound.js';

/** Comma-separated IP addresses and CIDR ranges; empty means none. */
const addressList = () =>
  z
    .string()
    .default('')
    .transform((raw, context) => {
      const entries = parseAllowList(raw);
      if (entries === null) context.addIssue({ code: 'custom', message: 'must be comma-separated IP addresses or CIDR ranges' });
      return entries ?? [];
    });

/**
 * Every setting Netra reads from the environment, validated once at start. A service asks for
 * the subset it needs, so a missing setting stops it with one line naming that setting.
 */
const settings = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** Namespaces every Redis key, so two deployments (or two test runs) share a server safely. */
  REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only').default('netra'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base URL of the Mastodon-compatible instance the registered accounts live on. */
  MASTODON_BASE_URL: z.url('must be an http(s) URL'),
  /** Bluesky's public AppView (unauthenticated reads). */
  BLUESKY_BASE_URL: z.url('must be an http(s) URL').default('https://public.api.bsky.app'),
  /** X API v2. */
  X_API_BASE_URL: z.url('must be an http(s) URL').default('https://api.x.com'),
  /** X app-only bearer token, from the environment only; unset: X is not ingested. */
  X_BEARER_TOKEN: z.string().min(20, 'must be an X API bearer token').optional(),
  /** Shared secret for HMAC-SHA256 signatures on deliveries to agencies. */
  FORWARDER_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters (use a random value)'),
  /** SMTP server for cases sent by e-mail (smtp:// or smtps://, credentials in the URL); unset: no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** The From address of case e-mails. */
  SMTP_FROM: z.email('must be an e-mail address').default('netra@localhost'),
  /**
   * Non-public addresses an agency webhook may still point at (comma-separated IPs and CIDRs, e.g. a
   * government network's range); everything else internal is refused. Empty: public addresses only.
   */
  OUTBOUND_ALLOWED_ADDRESSES: addressList(),
  /** Debian's chromium, which opens reported links (apt-get install chromium). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Where the media store keeps images, by SHA-256 (a directory; never served directly). */
  MEDIA_DIR: z.string().min(1).default('var/media'),
  /** Set: the media store is this bucket on S3-compatible storage (MinIO in compose) instead of MEDIA_DIR. */
  MEDIA_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  /** The S3-compatible endpoint (http://minio:9000); unset: AWS S3. */
  MEDIA_S3_ENDPOINT: z.url('must be an http(s) URL').optional(),
  MEDIA_S3_REGION: z.string().min(1).default('us-east-1'),
  /** The store's credentials, from the environment only. */
  MEDIA_S3_ACCESS_KEY_ID: z.string().min(3).optional(),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(8, 'must be the secret key (8+ characters)').optional(),
  /**
   * Hosts images may be fetched from beside each platform's own API host and its subdomains
   * (comma-separated; a name covers its subdomains), e.g. a Mastodon instance's CDN. Bluesky's
   * (bsky.app) and X's (twimg.com) media hosts are always allowed.
   */
  MEDIA_HOSTS: z
    .string()
    .default('')
    .transform((raw) => raw.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== ''))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/, 'must be comma-separated host names'))),
  /** Seconds between the forwarder's passes over the outbox. */
  FORWARDER_POLL_SECONDS: z.coerce.number().positive().default(5),
  /** The first retry of a failed delivery waits about this long; each further one twice as long, up to the max. */
  FORWARDER_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
  FORWARDER_RETRY_MAX_SECONDS: z.coerce.number().positive().default(3600),
  /** How long one delivery (webhook call or SMTP exchange) may take before it counts as failed. */
  FORWARDER_REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().default(10),
  /** How long a reviewer's claim on an item lasts without a heartbeat. */
  REVIEW_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  REVIEW_HOST: z.string().default('127.0.0.1'),
  REVIEW_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SIM_PLATFORM_HOST: z.string().default('127.0.0.1'),
  SIM_PLATFORM_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Seconds between scheduler rounds; each round enqueues the accounts that are due. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  /** How often a registered account is re-polled once it has been polled. */
  POLL_INTERVAL_SECONDS: z.coerce.number().positive().default(900),
  /**
   * The reverse proxy (TLS terminator) in front of review: IPs/CIDRs whose X-Forwarded-For is
   * believed, so throttling and rate limits see the real client, not the proxy. Empty: none.
   */
  REVIEW_TRUSTED_PROXIES: addressList(),
  /**
   * 'required': reviewers, supervisors, central reviewers and admins (who see names and NIPs)
   * must sign in with a TOTP code too, and enrol one at their first sign-in. 'off': the demo only.
   */
  REVIEW_SECOND_FACTOR: z.enum(['required', 'off']).default('required'),
  /** Session cookies are marked Secure unless explicitly served over plain HTTP (local demo). */
  REVIEW_INSECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Where a service answers /healthz, /readyz and /metrics (Prometheus); every service has this port. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Seconds between refreshes of the statistics tables (run by the review service). */
  STATS_REFRESH_SECONDS: z.coerce.number().positive().default(60),
  /**
   * A service whose Postgres or Redis has not answered for this long exits non-zero so its
   * supervisor restarts it; shorter outages are waited out (connections reconnect on their own).
   */
  DEPENDENCY_DOWN_EXIT_SECONDS: z.coerce.number().positive().default(300),
} as const;

type Settings = typeof settings;
export type SettingName = keyof Settings;
export type Config<K extends SettingName> = { [P in K]: z.output<Settings[P]> };

/** Reads and validates the named settings; throws a ConfigError naming the first bad one. */
export function loadConfig<K extends SettingName>(
  names: readonly K[],
  env: Record<string, string | undefined> = process.env,
): Config<K> {
  const result = {} as Config<K>;
  for (const name of names) {
    const raw = env[name];
    const parsed = settings[name].safeParse(raw === '' ? undefined : raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = raw === undefined || raw === '' ? 'is not set' : (issue?.message ?? 'is invalid');
      throw new ConfigError(name, reason);
    }
    (result as Record<string, unknown>)[name] = parsed.data;
  }
  return result;
}

/** Hides the password in a connection URL so it can appear in an error line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
