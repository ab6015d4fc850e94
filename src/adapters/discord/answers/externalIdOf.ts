import type { Message } from 'discord.js';

/**
 * The name a thread answer is recorded under: `discord:message:<id>`, or after an edit
 * `discord:message:<id>:edit:<edited_timestamp>` — each version is graded once, however often it is
 * delivered or looked at again.
 */
export function externalIdOf(message: Message): string {
  const edited = message.editedTimestamp;
  return edited === null
    ? `discord:message:${message.id}`
    : `discord:message:${message.id}:edit:${new Date(edited).toISOString()}`;
}
