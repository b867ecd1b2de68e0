import type { App, MessageShortcut } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { askAboutMessage, SHORTCUT_CALLBACK_ID } from './ask-about-message.js';

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUT_CALLBACK_ID, type: 'message_action' }, askAboutMessage(deps));
}
