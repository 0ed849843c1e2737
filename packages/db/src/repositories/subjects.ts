import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { MediaRepository, type KnownImageCandidate } from './media.js';
import { currentPostText } from './post-versions.js';

/** The civil servant behind a subject, and what the classifier needs to know about them. */
export interface SubjectOwner {
  civilServantId: number;
  agencyId: number;
  regionCode: string;
  spouseCandidateId: number | null;
}

export interface PostSubject extends SubjectOwner {
  kind: 'post';
  postId: string;
  postKind: 'post' | 'repost' | 'reply';
  text: string;
  postedAt: Date;
  /** The words read in each of its stored images, in the post's order of images (media_index counts these). */
  mediaTexts: string[];
  /** Its images that are close to a campaign's own image, with the closest one. */
  knownImages: KnownImageCandidate[];
  /** Came in as a report from the public or staff: a person asked for it to be looked at. */
  fromReport: boolean;
  /** Set when the post is a reply to a watched post (a comment engagement). */
  replyTo: { text: string; authorIsCandidate: boolean } | null;
  /** Likes + shares + replies as last counted; null when the platform gave none. */
  reach: number | null;
}

export interface EngagementSubject extends SubjectOwner {
  kind: 'engagement';
  engagementId: string;
  engagementKind: 'like' | 'share';
  target: { text: string; authorIsCandidate: boolean; postedAt: Date };
}

/**
 * Reads a subject with everything classification needs, in one query each. Returns undefined
 * when the subject is not a registered civil servant's (a candidate's own post is a target,
 * not a subject).
 */
export class SubjectRepository {
  constructor(private readonly db: Db) {}

  async post(postId: string): Promise<PostSubject | undefined> {
    return (await this.posts([postId]))[0];
  }

  async engagement(engagementId: string): Promise<EngagementSubject | undefined> {
    return (await this.engagements([engagementId]))[0];
  }

  /** Many posts in one query (the subjects among them; others are left out), in no set order. */
  async posts(postIds: readonly string[]): Promise<PostSubject[]> {
    if (postIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('posts')
      .innerJoin('social_accounts as account', 'account.id', 'posts.account_id')
      .innerJoin('civil_servants as cs', 'cs.id', 'account.civil_servant_id')
      // A reply to a watched post (a comment engagement) is classified with its parent as context.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('engagements')
            .innerJoin('posts as target', 'target.id', 'engagements.target_post_id')
            .leftJoin('social_accounts as author', 'author.id', 'target.account_id')
            .select(['target.text as parent_text', 'author.candidate_id as parent_candidate_id'])
            .where('engagements.kind', '=', 'comment')
            .whereRef('engagements.evidence_post_id', '=', 'posts.id')
            .limit(1)
            .as('parent'),
        (join) => join.onTrue(),
      )
      .select([
        'posts.id',
        'posts.kind',
        'posts.reach',
        // An edited post is classified as it reads now; posts.text keeps the first version.
        currentPostText('posts').as('text'),
        'posts.posted_at',
        'posts.report_id',
        sql<string[]>`ARRAY(SELECT m.ocr_text FROM post_media pm JOIN media_objects m ON m.sha256 = pm.media_sha256
                            WHERE pm.post_id = posts.id AND pm.state = 'stored' ORDER BY pm.position)`.as('media_texts'),
        'cs.id as civil_servant_id',
        'cs.agency_id',
        'cs.region_code',
        'cs.spouse_candidate_id',
        'parent.parent_text',
        'parent.parent_candidate_id',
      ])
      .where('posts.id', 'in', [...postIds])
      .execute();
    const withImages = rows.filter((row) => row.media_texts.length > 0).map((row) => row.id);
    const known = await new MediaRepository(this.db).knownImageMatches(withImages);
    return rows.map((row) => ({
      kind: 'post',
      postId: row.id,
      // A quote is the author's own text; the quoted post is a 'share' engagement of its own.
      postKind: row.kind === 'quote' ? 'post' : row.kind,
      text: row.text,
      postedAt: row.posted_at,
      mediaTexts: row.media_texts,
      knownImages: known.get(row.id) ?? [],
      fromReport: row.report_id !== null,
      civilServantId: row.civil_servant_id,
      agencyId: row.agency_id,
      regionCode: row.region_code,
      spouseCandidateId: row.spouse_candidate_id,
      replyTo: row.parent_text === null ? null : { text: row.parent_text, authorIsCandidate: row.parent_candidate_id !== null },
      reach: row.reach,
    }));
  }

  /** Many likes and shares in one query (comments are classified as their reply post), in no set order. */
  async engagements(engagementIds: readonly string[]): Promise<EngagementSubject[]> {
    if (engagementIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('engagements')
      .innerJoin('social_accounts as account', 'account.id', 'engagements.account_id')
      .innerJoin('civil_servants as cs', 'cs.id', 'account.civil_servant_id')
      .innerJoin('posts as target', 'target.id', 'engagements.target_post_id')
      .leftJoin('social_accounts as author', 'author.id', 'target.account_id')
      .select([
        'engagements.id',
        'engagements.kind',
        'target.text as target_text',
        'target.posted_at as target_posted_at',
        'author.candidate_id as target_candidate_id',
        'cs.id as civil_servant_id',
        'cs.agency_id',
        'cs.region_code',
        'cs.spouse_candidate_id',
      ])
      .where('engagements.id', 'in', [...engagementIds])
      // A comment's subject is the reply itself, classified as a post with its parent as context.
      .where('engagements.kind', 'in', ['like', 'share'])
      .execute();
    return rows.map((row) => ({
      kind: 'engagement',
      engagementId: row.id,
      engagementKind: row.kind as 'like' | 'share',
      target: { text: row.target_text, authorIsCandidate: row.target_candidate_id !== null, postedAt: row.target_posted_at },
      civilServantId: row.civil_servant_id,
      agencyId: row.agency_id,
      regionCode: row.region_code,
      spouseCandidateId: row.spouse_candidate_id,
    }));
  }

  /** Elections and candidates, as the classifier's candidate directory is built from them. */
  async candidateDirectoryRows() {
    const elections = await this.db.selectFrom('elections').selectAll().orderBy('id').execute();
    const candidates = await this.db.selectFrom('candidates').selectAll().orderBy('id').execute();
    return { elections, candidates };
  }
}
