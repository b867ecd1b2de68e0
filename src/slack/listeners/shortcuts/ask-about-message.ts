/**
 * The message shortcut "k8s-bot に聞く" / "Ask k8s-bot" (manifest.yml, callback_id
 * ask_k8s_bot): answers about the selected message's text, visible only to the person who
 * used it (the action's response_url), with "Share in channel".
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { messages, type Lang } from '../../../i18n/messages.js';
import { buildNoticeMessage } from '../../blocks/help-blocks.js';
import { apologyFor, sendResponse, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { questionFromSlackText } from '../../slack-markup.js';
import { resolveLanguage } from '../../user-language.js';
import type { ListenerDeps } from '../deps.js';

export const SHORTCUT_CALLBACK_ID = 'ask_k8s_bot';

export function askAboutMessage(deps: ListenerDeps) {
  return async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ids = { surface: 'shortcut' as const, team: shortcut.team?.id ?? undefined, channel: shortcut.channel.id, user: shortcut.user.id };
    let lang: Lang = 'ja';
    await handleRequest(
      deps.logger,
      ids,
      async (log) => {
        const text = questionFromSlackText(shortcut.message.text ?? '');
        lang = await resolveLanguage(deps.languages, client, shortcut.user.id, text);
        if (text === '') {
          await sendResponse(shortcut.response_url, { response_type: 'ephemeral', ...buildNoticeMessage(messages(lang).shortcutEmpty) }, deps);
          return { kind: 'shortcut_empty' };
        }
        log.debug({ question: text }, 'question');
        const channelName = await deps.channelNames.lookup(client, shortcut.channel.id);
        // Always a question: a message that says "help" is asked about, not obeyed.
        const reply = await deps.bot.reply(text, { channelName, ephemeral: true, lang, asQuestion: true });
        await sendResponse(shortcut.response_url, { response_type: 'ephemeral', ...withinLimits(reply.message, log) }, deps);
        return { kind: 'shortcut', answered: reply.answered, resultCount: reply.resultCount };
      },
      (_log, error) => sendResponse(shortcut.response_url, { response_type: 'ephemeral', text: apologyFor(error, lang) }, deps),
    );
  };
}
