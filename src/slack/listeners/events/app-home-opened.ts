/** The App Home tab (app_home_opened → views.publish): how to ask, the newest articles, the community channels. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { handleRequest } from '../../handle-request.js';
import { resolveLanguage } from '../../user-language.js';
import type { ListenerDeps } from '../deps.js';

export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    // The Messages tab is where DMs are asked; only the Home tab is ours to draw.
    if (event.tab !== 'home') return;
    const ids = { surface: 'home' as const, team: body.team_id, user: event.user, eventId: body.event_id };
    await handleRequest(deps.logger, ids, async () => {
      const lang = await resolveLanguage(deps.languages, client, event.user, '');
      await client.views.publish({ user_id: event.user, view: await deps.bot.home(lang) });
      return { kind: 'home' };
    });
  };
}
