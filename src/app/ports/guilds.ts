import type { GuildSettings } from './records.ts';

export type GuildPatch = Partial<Omit<GuildSettings, 'id'>>;

/** A server's settings (a server never seen has the defaults). */
export interface GuildStore {
  get(guildId: string): Promise<GuildSettings>;
  /** A new time zone recounts the server's week and month totals, atomically with the change. */
  update(guildId: string, patch: GuildPatch): Promise<GuildSettings>;
  /** The servers with a daily quiz set (channel and time), among `guildIds` when given. */
  withDailyQuiz(guildIds?: readonly string[]): Promise<GuildSettings[]>;
}
