import { writeFileSync } from 'node:fs';
import { trainModel, type CandidateDirectory, type LabelledExample, type ModelData } from '@netra/classifier';
import { modelJsonPath } from './paths.js';

/**
 * Trains the model on the labelled examples (the corpus's training split plus any exported
 * reviewer decisions) and writes packages/classifier/data/model.json. The model's parameters are
 * part of the classifier version, so every classification after a retrain names the new model.
 */
export function retrain(examples: readonly LabelledExample[], directory: CandidateDirectory, out = modelJsonPath): ModelData {
  const model = trainModel(examples, { directory });
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  return model;
}
