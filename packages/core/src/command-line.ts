import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage, InvalidInputError, NetraError } from './errors.js';

/** `--help` or `-h` was given: the usage is the answer (runMain prints it and exits 0). */
export class UsageRequested extends NetraError {
  constructor(readonly usage: string) {
    super('NETRA_USAGE', usage);
    this.name = 'UsageRequested';
  }
}

/**
 * Every CLI's arguments, read the same way with node's own parser (util.parseArgs): `--help`/`-h`
 * answers with the usage; a mistyped option or a value where none belongs is an
 * InvalidInputError that names it, followed by the usage.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(usage: string, config: T) {
  let parsed;
  try {
    parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new InvalidInputError(`${errorMessage(error)}\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) throw new UsageRequested(usage);
  return parsed as unknown as ReturnType<typeof parseArgs<T>>;
}
