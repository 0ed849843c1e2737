import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';

/**
 * Every migration, by name, in the order they run. Listed statically (not read from the folder
 * at run time) so they load the same under tsx, vitest and a bundler; a test checks that each
 * file in this folder is listed here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};
