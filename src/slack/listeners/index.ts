/** Every listener, grouped by Slack feature as in Bolt's starter template. */
import type { App } from '@slack/bolt';
import { register as registerActions } from './actions/index.js';
import { register as registerCommands } from './commands/index.js';
import type { ListenerDeps } from './deps.js';
import { register as registerEvents } from './events/index.js';
import { register as registerShortcuts } from './shortcuts/index.js';

export type { ListenerDeps };

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
}
