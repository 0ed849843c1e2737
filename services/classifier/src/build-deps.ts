import { buildCandidateDirectory, createClassifier } from '@netra/classifier';
import type { Logger } from '@netra/core';
import { ClassificationRepository, ReviewItemRepository, SubjectRepository, type Db } from '@netra/db';
import type { ClassifyDeps } from './classify-subject.js';

/**
 * Loads the candidate directory from the registry and builds the classifier once at start: the
 * classifier's version covers the directory, so a changed candidate list is a new version.
 */
export async function buildClassifyDeps(db: Db, logger: Logger): Promise<ClassifyDeps> {
  const subjects = new SubjectRepository(db);
  const rows = await subjects.candidateDirectoryRows();
  const classifier = createClassifier({ directory: buildCandidateDirectory(rows) });
  logger.info({ version: classifier.version, candidates: rows.candidates.length }, 'classifier ready');
  return {
    db,
    classifier,
    candidateLabels: new Map(rows.candidates.map((c) => [c.id, c.label])),
    subjects,
    classifications: new ClassificationRepository(db),
    reviewItems: new ReviewItemRepository(db),
    logger,
  };
}
