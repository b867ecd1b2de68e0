/** Polling for what an app does in its own time (a log line, a call at the fake, a readiness change). */

/**
 * Polls `check` (sync or async) until it returns something other than undefined/false, and
 * returns that; throws, naming `what`, after `timeoutMs`. Generous default for a busy 2-core machine.
 */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
