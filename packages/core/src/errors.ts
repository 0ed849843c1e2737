/**
 * Errors carry a stable code (as Fastify's do) so callers, logs and API clients can branch on
 * the code rather than on message text.
 */
export class NetraError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** What exactly went wrong, for programs: fields and values, or a list of problems. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'NetraError';
  }
}

/** A setting is missing, malformed or points at something unreachable. Services exit on it. */
export class ConfigError extends NetraError {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super('NETRA_CONFIG', `${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Input from outside (CSV row, API payload, job data) failed validation. */
export class InvalidInputError extends NetraError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NETRA_INVALID_INPUT', message, details);
    this.name = 'InvalidInputError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
