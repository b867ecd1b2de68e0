import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
