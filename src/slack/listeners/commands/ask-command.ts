/**
 * `/k8s <question>` (or help, latest, digest, nothing): an answer only the asker sees, posted to the
 * command's response_url, with a "Share in channel" button.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { messages, type Lang } from '../../../i18n/messages.js';
import { parseRequest } from '../../bot.js';
import { respondWithRetry, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { questionFromSlackText } from '../../slack-markup.js';
import { resolveLanguage } from '../../user-language.js';
import type { ListenerDeps } from '../deps.js';

export function askCommand(deps: ListenerDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    // Slack waits 3 s for the ack; the answer follows through response_url.
    await ack();
    const ids = { surface: 'command' as const, team: command.team_id, channel: command.channel_id, user: command.user_id };
    let lang: Lang = 'ja';
    await handleRequest(
      deps.logger,
      ids,
      async (log) => {
        const text = questionFromSlackText(command.text ?? '');
        lang = await resolveLanguage(deps.languages, client, command.user_id, text);
        if (deps.digestPreview && parseRequest(text).kind === 'digest') {
          await respondWithRetry(respond, { response_type: 'ephemeral', ...withinLimits(await deps.digestPreview(), log) }, deps.retry);
          return { kind: 'digest_preview' };
        }
        log.debug({ question: text }, 'question');
        const isQuestion = parseRequest(text).kind === 'question';
        const channelName = isQuestion ? await deps.channelNames.lookup(client, command.channel_id) : undefined;
        const reply = deps.bot.reply(text, { channelName, ephemeral: true, lang });
        await respondWithRetry(respond, { response_type: 'ephemeral', ...withinLimits(reply.message, log) }, deps.retry);
        return { kind: reply.kind, answered: reply.answered, resultCount: reply.resultCount };
      },
      // The response_url failed: try the Web API (works when the bot is in the channel).
      () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: messages(lang).apology }),
    );
  };
}
