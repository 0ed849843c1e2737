import { sql } from 'kysely';
import type { Db } from '@netra/db';

/**
 * A national-scale world for the statistics and queue benchmarks, shaped like the real one, not
 * uniform noise: agencies differ a lot in size (a few ministries and big provinces hold most
 * civil servants), most civil servants serve in their agency's region, codes and platforms are
 * skewed, and each flag names the election whose campaign its day falls in.
 */
/**
 * 38 provinces with 14 regencies each (codes 11.01 … 48.14), and one local government agency per
 * region (`pemda-<code>`): the places a national registry's people work in.
 */
export async function seedRegionsAndLocalGovernments(db: Db): Promise<void> {
  await sql`
    INSERT INTO regions (code, name, parent_code)
    SELECT lpad(p::text, 2, '0'), 'Provinsi ' || p, NULL FROM generate_series(11, 48) p;
    INSERT INTO regions (code, name, parent_code)
    SELECT lpad(p::text, 2, '0') || '.' || lpad(r::text, 2, '0'), 'Kabupaten ' || p || '.' || r, lpad(p::text, 2, '0')
    FROM generate_series(11, 48) p, generate_series(1, 14) r;
    INSERT INTO agencies (code, name, region_code)
    SELECT 'pemda-' || code, 'Pemerintah ' || name, code FROM regions ORDER BY code;
  `.execute(db);
}

/** Regions, agencies, elections, reviewers, civil servants and accounts, then posts and flags in chunks. */
export async function seedWorld(db: Db, sizes: { posts: number; items: number }): Promise<void> {
  const servants = Math.max(1_000, Math.round(sizes.posts / 50));
  await seedRegionsAndLocalGovernments(db);
  await sql`
    -- And 80 national ministries in Jakarta.
    INSERT INTO agencies (code, name, region_code)
    SELECT 'kementerian-' || k, 'Kementerian ' || k, '31' FROM generate_series(1, 80) k;
    INSERT INTO elections (code, name, kind, region_code, campaign_starts_on, campaign_ends_on, vote_on)
    VALUES ('pilpres-2024', 'Pilpres 2024', 'presidential', NULL, '2023-11-28', '2024-02-10', '2024-02-14');
    INSERT INTO elections (code, name, kind, region_code, campaign_starts_on, campaign_ends_on, vote_on)
    SELECT 'pilgub-' || code || '-2024', 'Pilgub ' || name, 'regional', code, '2024-09-25', '2024-11-23', '2024-11-27'
    FROM regions WHERE parent_code IS NULL;
    INSERT INTO users (email, display_name, role, agency_id, password_hash)
    SELECT 'reviewer' || id || '@bench.test', 'Reviewer ' || id, 'reviewer', id, 'x' FROM agencies;
  `.execute(db);
  // Agency sizes follow a power law: the k-th largest of n agencies holds a share ∝ 1/k
  // (floor of a log-uniform draw on [1, n+1]). Random values depend on the row (g % 1, p.g % 1)
  // so Postgres draws them per row instead of once for the statement.
  await sql`
    WITH a AS (SELECT id, code, region_code, row_number() OVER (ORDER BY md5(id::text)) AS k FROM agencies),
    n AS (SELECT count(*) AS n FROM agencies),
    picked AS (
      SELECT g, greatest(1, least(n.n, floor(exp((random() + g % 1) * ln(n.n + 1)))::int)) AS k
      FROM generate_series(1, ${servants}) g, n
    )
    INSERT INTO civil_servants (nip, full_name, agency_id, region_code)
    SELECT lpad(p.g::text, 18, '0'), 'ASN ' || p.g, a.id,
           -- Nine in ten serve in their agency's region; ministries' staff anywhere.
           CASE WHEN a.code LIKE 'kementerian-%' OR random() < 0.1
                THEN (SELECT code FROM regions WHERE parent_code IS NOT NULL ORDER BY code OFFSET floor(random() * 532 + p.g % 1) LIMIT 1)
                ELSE a.region_code END
    FROM picked p JOIN a ON a.k = p.k
  `.execute(db);
  await sql`
    INSERT INTO social_accounts (platform, handle, civil_servant_id)
    SELECT (ARRAY['x', 'x', 'x', 'mastodon', 'bluesky'])[1 + floor(random() * 5)::int], 'asn' || id, id FROM civil_servants
  `.execute(db);
  await sql`ANALYZE`.execute(db);

  const chunk = 1_000_000;
  const flagEvery = Math.max(1, Math.floor(sizes.posts / sizes.items));
  for (let start = 1; start <= sizes.posts; start += chunk) {
    const end = Math.min(sizes.posts, start + chunk - 1);
    await seedPostsAndFlags(db, start, end, flagEvery, servants);
  }
  await sql`ANALYZE`.execute(db);
}

/**
 * Posts start..end over Nov 2023 – Nov 2024; every flagEvery-th is flagged with a review item
 * (opened minutes after the post) that is confirmed (55%), dismissed (30%) or still open.
 */
async function seedPostsAndFlags(db: Db, start: number, end: number, flagEvery: number, servants: number): Promise<void> {
  await sql`
    INSERT INTO posts (id, platform, platform_post_id, account_id, author_handle, kind, text, posted_at, raw, content_sha256)
    SELECT g, sa.platform, g::text, sa.id, sa.handle, 'post', 'bench post ' || g,
           timestamptz '2023-11-01 00:00+07' + random() * interval '395 days', '{}', md5(g::text) || md5(g::text)
    FROM generate_series(${start}::bigint, ${end}::bigint) g
    JOIN social_accounts sa ON sa.id = 1 + (g * 7919) % ${servants}
  `.execute(db);
  await sql`
    INSERT INTO classifications (id, post_id, classifier_version, input_sha256, flagged, score, codes, severity, evidence, created_at)
    SELECT p.id, p.id, 'bench', p.content_sha256, true, 0.5 + random() / 2,
           CASE WHEN random() < 0.3 THEN ARRAY[c.code, 'campaign_content'] ELSE ARRAY[c.code] END,
           CASE WHEN c.code IN ('self_candidacy', 'campaign_attendance') THEN 'sedang' ELSE 'berat' END,
           jsonb_build_object('items', jsonb_build_array(jsonb_build_object('code', c.code, 'candidate',
             jsonb_build_object('label', 'Paslon', 'ballotNumber', 2, 'electionCode',
               CASE WHEN p.posted_at < '2024-06-01' THEN 'pilpres-2024' ELSE 'pilgub-' || coalesce(r.parent_code, r.code) || '-2024' END)))),
           p.posted_at + interval '10 minutes'
    FROM posts p
    JOIN social_accounts sa ON sa.id = p.account_id
    JOIN civil_servants cs ON cs.id = sa.civil_servant_id
    JOIN regions r ON r.code = cs.region_code
    CROSS JOIN LATERAL (
      SELECT (ARRAY['number_symbol', 'number_symbol', 'number_symbol', 'support_share', 'support_share', 'support_like',
                    'campaign_content', 'photo_with_candidate', 'party_attribute', 'support_comment', 'mobilization',
                    'campaign_attendance', 'self_candidacy', 'state_facility', 'campaign_speech', 'support_letter'])
             [1 + floor(random() * 16 + p.id % 1)::int] AS code
    ) c
    WHERE p.id BETWEEN ${start} AND ${end} AND p.id % ${flagEvery} = 0
  `.execute(db);
  await sql`
    INSERT INTO review_items (id, post_id, civil_servant_id, agency_id, classification_id, priority, status, last_event_seq, opened_at, updated_at)
    SELECT c.id, c.post_id, cs.id, cs.agency_id, c.id, c.score,
           CASE WHEN d.roll < 0.55 THEN 'confirmed' WHEN d.roll < 0.85 THEN 'dismissed' ELSE 'open' END,
           CASE WHEN d.roll < 0.85 THEN 3 ELSE 1 END, c.created_at, c.created_at
    FROM classifications c
    JOIN posts p ON p.id = c.post_id
    JOIN social_accounts sa ON sa.id = p.account_id
    JOIN civil_servants cs ON cs.id = sa.civil_servant_id
    CROSS JOIN LATERAL (SELECT random() + (c.id % 1) AS roll) d
    WHERE c.id BETWEEN ${start} AND ${end}
  `.execute(db);
  // The log behind each status: opened, and for a decided item claimed + its decision, hours later.
  await sql`
    INSERT INTO review_events (review_item_id, seq, type, actor_user_id, payload, created_at, hash)
    SELECT ri.id, e.seq, e.type, CASE WHEN e.seq = 1 THEN NULL ELSE u.id END, e.payload, ri.opened_at + e.after, repeat('0', 64)
    FROM review_items ri
    JOIN users u ON u.agency_id = ri.agency_id
    JOIN classifications c ON c.id = ri.classification_id
    CROSS JOIN LATERAL (SELECT interval '1 minute' * (5 + 60 * 24 * 5 * random() ^ 3) AS delay) w
    CROSS JOIN LATERAL (VALUES
      (1, 'opened', '{}'::jsonb, interval '0'),
      (2, 'claimed', '{"lease_seconds": 300}'::jsonb, w.delay - interval '4 minutes'),
      (3, ri.status, CASE WHEN ri.status = 'confirmed'
                          THEN jsonb_build_object('code', c.codes[1], 'severity', c.severity)
                          ELSE '{"reason": "not_partisan"}'::jsonb END, w.delay)
    ) AS e(seq, type, payload, after)
    WHERE ri.id BETWEEN ${start} AND ${end} AND e.seq <= ri.last_event_seq
  `.execute(db);
}
