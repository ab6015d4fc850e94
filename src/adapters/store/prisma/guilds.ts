import type { Clock, GuildSettings, GuildStore } from '../../../app/ports/index.ts';
import type { Database } from '../openDatabase.ts';
import { toGuild } from './rows.ts';

// Guild settings change rarely (an admin command) and every leaderboard and quiz reads them: kept in
// memory for a few seconds (another process's change shows within that delay; this one's at once).
const GUILD_CACHE_MS = 10_000;

export function prismaGuilds(db: Database, clock: Clock): GuildStore {
  const { prisma } = db;
  const cache = new Map<string, { settings: GuildSettings; until: number }>();
  const remember = (settings: GuildSettings) => {
    cache.set(settings.id, { settings, until: clock.now().getTime() + GUILD_CACHE_MS });
    return settings;
  };
  return {
    get: async (guildId) => {
      const cached = cache.get(guildId);
      if (cached && cached.until > clock.now().getTime()) return cached.settings;
      let row = await prisma.guild.findUnique({ where: { id: guildId } });
      if (!row) {
        await ensureGuild(db, guildId);
        row = await prisma.guild.findUniqueOrThrow({ where: { id: guildId } });
      }
      return remember(toGuild(row));
    },
    update: async (guildId, patch) => {
      const { allowedChannels, ...rest } = patch;
      const data = { ...rest, ...(allowedChannels ? { allowedChannels: [...allowedChannels] } : {}) };
      const settings = await db.transaction(async (tx) => {
        const before = await tx.guild.findUnique({ where: { id: guildId }, select: { timeZone: true } });
        const row = await tx.guild.upsert({
          where: { id: guildId },
          create: { id: guildId, ...data },
          update: data,
        });
        if (before && before.timeZone !== row.timeZone) {
          // Weeks and months follow the time zone: recount them from the ledger, in the transaction that
          // changes the zone. The rebuild locks out the guild's answers (migration
          // `period_scores_rebuild_lock`) until both commit; the answers held back then read the new zone.
          await tx.$executeRaw`SELECT gradquiz_rebuild_period_scores(${guildId})`;
        }
        return toGuild(row);
      });
      return remember(settings);
    },
    withDailyQuiz: async (guildIds) =>
      (
        await prisma.guild.findMany({
          where: {
            dailyChannelId: { not: null },
            dailyTime: { not: null },
            ...(guildIds ? { id: { in: [...guildIds] } } : {}),
          },
          orderBy: { id: 'asc' },
        })
      ).map(toGuild),
  };
}

// Two first requests of a new guild at once must not both try to create it (an upsert with nothing
// to update is a read then an insert, not one statement).
export async function ensureGuild(db: Database, guildId: string): Promise<void> {
  await db.prisma.$executeRaw`INSERT INTO "Guild" ("id") VALUES (${guildId}) ON CONFLICT ("id") DO NOTHING`;
}
