import type { GuildSettings } from './records.ts';

export type GuildPatch = Partial<Omit<GuildSettings, 'id'>>;

/** A server's settings (a server never seen has the defaults). */
export interface GuildStore {
  get(guildId: string): Promise<GuildSettings>;
  /** A new time zone recounts the server's week and month totals, atomically with the change. */
  update(guildId: string, patch: GuildPatch): Promise<GuildSettings>;
}
