import type { Clock, DailyPostStore } from '../../../app/ports/index.ts';
import type { Database } from '../openDatabase.ts';
import { ensureGuild } from './guilds.ts';
import { timestamp } from './rows.ts';

/**
 * Daily quiz claims on the `(guildId, date)` key: the insert, or the retaking of a stale claim, is
 * one statement, so two processes claiming at once get one row back between them.
 */
export function prismaDailyPosts(db: Database, clock: Clock): DailyPostStore {
  const { prisma } = db;
  return {
    claim: async ({ guildId, date, nonce, staleBefore }) => {
      await ensureGuild(db, guildId);
      const rows = await prisma.$queryRaw<{ nonce: string }[]>`
        INSERT INTO "DailyPost" ("guildId", "date", "nonce", "claimedAt")
        VALUES (${guildId}, ${date}, ${nonce}, ${timestamp(clock.now())})
        ON CONFLICT ("guildId", "date") DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt"
          WHERE "DailyPost"."postedAt" IS NULL AND "DailyPost"."claimedAt" < ${timestamp(staleBefore)}
        RETURNING "nonce"`;
      const claimed = rows[0];
      return claimed ? { kind: 'claimed', nonce: claimed.nonce } : { kind: 'taken' };
    },
    complete: async ({ guildId, date, quizId }) => {
      await prisma.dailyPost.update({
        where: { guildId_date: { guildId, date } },
        data: { postedAt: clock.now(), quizId },
      });
    },
  };
}
