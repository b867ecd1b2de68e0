// `node --import ./test/support/no-typescript-tooling.mjs …`: fails any import of tsx, esbuild
// or typescript, as in the production image where only dependencies are installed. Proves the
// compiled code (dist/) runs without the dev tooling, worker threads included.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (/^(tsx|esbuild|typescript)(\\/|$)/.test(specifier) || /\\.tsx?$/.test(specifier)) {
          throw new Error('production image has no TypeScript tooling: ' + specifier + ' imported from ' + context.parentURL);
        }
        return next(specifier, context);
      }`),
);
