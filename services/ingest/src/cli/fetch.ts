import { InvalidInputError, parseCommandLine, platforms, UsageRequested, type Platform } from '@netra/core';
import { createConnector, PlatformError, type PlatformConnector } from '@netra/connectors';
import { patientCall, type Patience } from './patient-call.js';

/**
 * `npm run -s fetch -- --platform mastodon|bluesky|x --base-url URL --account HANDLE [--since ID]`
 * prints the account's normalised posts, oldest first, one JSON object a line;
 * `--post URL_OR_ID` instead prints that post's engagements (likers, reposters, repliers).
 * X reads its bearer token from X_BEARER_TOKEN. A 429 is waited out as the platform asks
 * (Retry-After), up to `--max-wait SECONDS` (default 300) per wait, and a 5xx is tried three more
 * times, each wait announced on stderr. Exit 0 on success; on a platform error, one line on stderr
 * naming the code and the reason, and exit 1; on bad arguments, exit 2.
 */
const usage = 'usage: fetch --platform mastodon|bluesky|x --base-url URL (--account HANDLE [--since ID] | --post URL_OR_ID) [--max-pages N] [--max-wait SECONDS]';

class UsageError extends Error {}

function readArguments(argv: string[]) {
  const { values } = parseCommandLine(usage, {
    args: argv,
    options: {
      platform: { type: 'string' },
      'base-url': { type: 'string' },
      account: { type: 'string' },
      since: { type: 'string' },
      post: { type: 'string' },
      'max-pages': { type: 'string', default: '10' },
      'max-wait': { type: 'string', default: '300' },
    },
    strict: true,
  });
  const platform = values.platform as Platform | undefined;
  if (!platform || !platforms.includes(platform)) throw new UsageError(`--platform must be one of ${platforms.join(', ')}`);
  const baseUrl = values['base-url'];
  if (!baseUrl || !/^https?:\/\/\S+$/.test(baseUrl)) throw new UsageError('--base-url must be an http(s) URL');
  if ((values.account === undefined) === (values.post === undefined)) throw new UsageError('give exactly one of --account and --post');
  if (values.since !== undefined && values.account === undefined) throw new UsageError('--since goes with --account');
  const maxPages = Number(values['max-pages']);
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new UsageError('--max-pages must be a positive integer');
  const maxWait = Number(values['max-wait']);
  if (!Number.isFinite(maxWait) || maxWait < 0) throw new UsageError('--max-wait must be a number of seconds, 0 or more');
  return { platform, baseUrl, account: values.account, since: values.since ?? null, post: values.post, maxPages, maxWaitMs: maxWait * 1000 };
}

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = readArguments(argv);
  if (args.platform === 'x' && !env.X_BEARER_TOKEN) throw new UsageError('X_BEARER_TOKEN is not set');
  const connector: PlatformConnector = createConnector(args.platform, { baseUrl: args.baseUrl, bearerToken: env.X_BEARER_TOKEN });
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  const patience: Patience = { maxWaitMs: args.maxWaitMs, unavailableRetries: 3, say: (line) => process.stderr.write(`fetch: ${line}\n`) };
  if (args.account !== undefined) {
    const handle = args.account;
    const account = await patientCall(`looking up ${handle}`, () => connector.lookupAccount(handle), patience);
    const page = await patientCall(`reading ${handle}'s posts`, () => connector.fetchPostsSince(account.platformAccountId, args.since, { maxPages: args.maxPages }), patience);
    page.posts.forEach(print);
    if (!page.complete) process.stderr.write(`fetch: stopped after ${args.maxPages} pages; older new posts were not read\n`);
    return;
  }
  const reference = args.post!;
  const postId = await patientCall(`resolving ${reference}`, () => connector.postIdFromReference(reference), patience);
  (await patientCall(`reading the engagements of ${reference}`, () => connector.fetchEngagements(postId), patience)).observations.forEach(print);
}

run(process.argv.slice(2), process.env).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageRequested) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    // parseCommandLine's message already ends with the usage.
    if (error instanceof InvalidInputError) {
      process.stderr.write(`fetch: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`fetch: ${error.message}\n${usage}\n`);
      process.exit(2);
    }
    const line = error instanceof PlatformError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`fetch: ${line.replace(/\s+/g, ' ')}\n`);
    process.exit(1);
  },
);
