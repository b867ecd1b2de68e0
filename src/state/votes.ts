/** 👍/👎 under answers: one vote per person per answer (a second click replaces the first). */
export type Vote = 'up' | 'down';

export interface VoteTally {
  up: number;
  down: number;
}

export interface VoteStore {
  /** Records `user`'s vote on `answerId`; returns that answer's tally after it. */
  record(answerId: string, user: string, vote: Vote): Promise<VoteTally>;
  tally(answerId: string): Promise<VoteTally>;
}

export function countVotes(votes: Iterable<string>): VoteTally {
  const tally = { up: 0, down: 0 };
  for (const v of votes) if (v === 'up' || v === 'down') tally[v]++;
  return tally;
}

/** The embedded default: this process's memory, forgotten at restart (the `feedback` log lines stay). */
export function createMemoryVoteStore(maxAnswers = 10_000): VoteStore {
  const answers = new Map<string, Map<string, Vote>>();
  return {
    async record(answerId, user, vote) {
      const votes = answers.get(answerId) ?? new Map<string, Vote>();
      votes.set(user, vote);
      answers.delete(answerId);
      answers.set(answerId, votes);
      if (answers.size > maxAnswers) answers.delete(answers.keys().next().value!);
      return countVotes(votes.values());
    },
    async tally(answerId) {
      return countVotes(answers.get(answerId)?.values() ?? []);
    },
  };
}
