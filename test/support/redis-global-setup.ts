/** Once per run: say loudly that the Redis-backed tests are skipped, or fail under CI=true. */
import { IN_CI, REDIS_INSTALLED, REDIS_PACKAGE } from './redis-server.js';

export default function setup(): void {
  if (REDIS_INSTALLED) return;
  if (IN_CI) throw new Error(`CI=true but redis-server is not installed: the Redis-backed tests cannot run. Install the Debian package: apt-get install -y ${REDIS_PACKAGE} (.ci/run does this).`);
  process.stderr.write(`\n*** SKIPPING the Redis-backed tests (REDIS_URL, two replicas): redis-server is not installed. Install the Debian package \`${REDIS_PACKAGE}\` (apt-get install -y ${REDIS_PACKAGE}) to run them. ***\n\n`);
}
