/** Votes in Redis: one hash per answer, person → vote, so a click on any replica counts once. */
import { countVotes, type VoteStore } from '../votes.js';
import { KEY_PREFIX, type ScriptedRedis } from './scripts.js';

export function createRedisVoteStore(redis: ScriptedRedis): VoteStore {
  const key = (answerId: string): string => `${KEY_PREFIX}votes:${answerId}`;
  return {
    async record(answerId, user, vote) {
      const result = await redis.multi().hset(key(answerId), user, vote).hvals(key(answerId)).exec();
      const failed = result?.find(([error]) => error);
      if (!result || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
      return countVotes(result[1]![1] as string[]);
    },
    async tally(answerId) {
      return countVotes(await redis.hvals(key(answerId)));
    },
  };
}
