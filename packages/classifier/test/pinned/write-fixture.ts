import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifier } from '../fixtures.js';
import { pinOutputs } from './digest.js';
import { pinnedInputs } from './inputs.js';

/**
 * `npx tsx packages/classifier/test/pinned/write-fixture.ts` rewrites outputs.json from the
 * current code. Only for a change that is meant to change results (a data or rule edit), never
 * to make a refactoring's test pass.
 */
const file = fileURLToPath(new URL('./outputs.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(pinOutputs(classifier, pinnedInputs()), null, 1)}\n`);
