import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { askCommand } from './ask-command.js';

export function register(app: App, deps: ListenerDeps): void {
  app.command(deps.command, askCommand(deps));
}
