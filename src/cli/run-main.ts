/** Runs a command's main function: expected failures become one clear message and exit code 1, never a stack trace. */
import { ConfigError } from '../config.js';
import { CorpusNotFoundError } from '../corpus/read-corpus.js';
import { IndexFileError } from '../search/index-file.js';
import { CorpusBuildError } from '../search/load-index.js';
import { SourcesFileError } from '../sources/sources-file.js';

export class UsageError extends Error {}

const EXPECTED = [UsageError, ConfigError, CorpusNotFoundError, IndexFileError, CorpusBuildError, SourcesFileError];

export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (EXPECTED.some((E) => error instanceof E)) {
        process.stderr.write(`${(error as Error).message}\n`);
      } else {
        process.stderr.write(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      process.exitCode = 1;
    },
  );
}
