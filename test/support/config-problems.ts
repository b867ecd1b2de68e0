/** The problems a config loader reports, for tests of src/config.ts's messages. */
import { ConfigError } from '../../src/config.js';

/** The ConfigError's problems from `load`; throws when it loads without one, so a test cannot pass on a config that was accepted. */
export function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
