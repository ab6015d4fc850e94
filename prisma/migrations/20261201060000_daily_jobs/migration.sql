-- CreateTable
CREATE TABLE "DailyPost" (
    "guildId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "postedAt" TIMESTAMP(3),
    "quizId" TEXT,

    CONSTRAINT "DailyPost_pkey" PRIMARY KEY ("guildId","date")
);

-- AddForeignKey
ALTER TABLE "DailyPost" ADD CONSTRAINT "DailyPost_guildId_fkey" FOREIGN KEY ("guildId") REFERENCES "Guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Daily quizzes posted before this migration count as claimed and posted, so that the day of the
-- upgrade gets no second one: a quiz opened in a server's daily channel in the hour after its daily
-- time (local), in the last two days, is taken for that date's daily quiz.
INSERT INTO "DailyPost" ("guildId", "date", "nonce", "claimedAt", "postedAt", "quizId")
SELECT DISTINCT ON (q."guildId", local.date)
    q."guildId", local.date, 'daily:' || local.date, q."createdAt", q."createdAt", q."id"
FROM "Quiz" q
JOIN "Guild" g ON g."id" = q."guildId" AND g."dailyChannelId" = q."channelId" AND g."dailyTime" IS NOT NULL
CROSS JOIN LATERAL (
    SELECT (q."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE g."timeZone" AS at
) AS wall
CROSS JOIN LATERAL (SELECT to_char(wall.at, 'YYYY-MM-DD') AS date) AS local
WHERE q."createdAt" > (now() AT TIME ZONE 'UTC') - INTERVAL '2 days'
  AND wall.at::time >= g."dailyTime"::time
  AND wall.at::time < g."dailyTime"::time + INTERVAL '1 hour'
ORDER BY q."guildId", local.date, q."createdAt";
