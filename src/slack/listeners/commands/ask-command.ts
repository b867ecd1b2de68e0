/**
 * `/k8s <question>` (or help, latest, digest, nothing): an answer only the asker sees, posted to the
 * command's response_url, with a "Share in channel" button.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseRequest } from '../../bot.js';
import { apologyFor, mayHaveArrived, sendResponse, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { ResponseUrlError } from '../../post-response.js';
import { questionFromSlackText } from '../../slack-markup.js';
import type { ListenerDeps } from '../deps.js';

export function askCommand(deps: ListenerDeps) {
  return async ({ ack, command, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    // The receiver has already answered Slack's request; this ack is a no-op kept for Socket Mode.
    await ack();
    const ids = { surface: 'command' as const, team: command.team_id, channel: command.channel_id, user: command.user_id };
    await handleRequest(
      deps.logger,
      ids,
      async (log) => {
        const text = questionFromSlackText(command.text ?? '');
        if (deps.digestPreview && text.trim().toLowerCase() === 'digest') {
          await sendResponse(command.response_url, { response_type: 'ephemeral', ...withinLimits(await deps.digestPreview(), log) }, deps);
          return { kind: 'digest_preview' };
        }
        log.debug({ question: text }, 'question');
        const isQuestion = parseRequest(text).kind === 'question';
        const channelName = isQuestion ? await deps.channelNames.lookup(client, command.channel_id) : undefined;
        const reply = await deps.bot.reply(text, { channelName, ephemeral: true });
        await sendResponse(command.response_url, { response_type: 'ephemeral', ...withinLimits(reply.message, log) }, deps);
        return { kind: reply.kind, answered: reply.answered, resultCount: reply.resultCount };
      },
      async (_log, error) => {
        const text = apologyFor(error);
        try {
          await sendResponse(command.response_url, { response_type: 'ephemeral', replace_original: false, text }, deps);
        } catch (apologyError) {
          // The response_url is not taking posts: the Web API works when the bot is in the channel.
          if (mayHaveArrived(apologyError) || !(apologyError instanceof ResponseUrlError)) throw apologyError;
          await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text });
        }
      },
    );
  };
}
