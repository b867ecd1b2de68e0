/** Bots (ourselves included), edits, deletions and joins are not questions. */
export function isHumanMessage(event: { subtype?: string; bot_id?: string; bot_profile?: unknown; user?: string }): boolean {
  // Plain messages have no subtype; thread_broadcast and file_share are still a person writing.
  const humanSubtypes = [undefined, 'thread_broadcast', 'file_share'];
  return humanSubtypes.includes(event.subtype) && !event.bot_id && !event.bot_profile && typeof event.user === 'string';
}
