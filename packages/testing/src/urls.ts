/** Where tests find the real services; CI and developers may point these elsewhere. */
export const adminDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrlFor(database: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Test webhooks listen on this machine: let the forwarder reach loopback, and only that. */
export const loopbackAllowed = { allowed: ['127.0.0.0/8', '::1'] } as const;
