-- DropIndex
DROP INDEX "ScoreTotal_guildId_channelId_points_idx";

-- AlterTable
ALTER TABLE "Progress" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ScoreTotal" ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PeriodScore" (
    "guildId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "userId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PeriodScore_pkey" PRIMARY KEY ("guildId","channelId","period","start","userId")
);

-- CreateIndex
CREATE INDEX "PeriodScore_guildId_channelId_period_start_listed_points_idx" ON "PeriodScore"("guildId", "channelId", "period", "start", "listed", "points" DESC);

-- CreateIndex
CREATE INDEX "PeriodScore_userId_idx" ON "PeriodScore"("userId");

-- CreateIndex
CREATE INDEX "ScoreTotal_guildId_channelId_listed_points_idx" ON "ScoreTotal"("guildId", "channelId", "listed", "points" DESC);

-- AddForeignKey
ALTER TABLE "PeriodScore" ADD CONSTRAINT "PeriodScore_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Records one graded answer in a single statement (the store's `recordAnswer`): the user's row is
-- created or locked first, so everything below runs serialised per user, and each statement of this
-- READ COMMITTED function sees what the previous holders of that lock committed. It returns
-- 'duplicate' (the externalId is known), 'slow_down' (the rate limit), 'stale' (the progress moved
-- since the caller read it: nothing is written, the caller retries under a lock) or 'recorded'
-- (the attempt, its points in the ledger and the totals, and the progress, all or nothing).
CREATE FUNCTION gradquiz_record_answer(
    attempt JSONB,
    progress JSONB,
    expected_version INTEGER,
    display_name TEXT,
    rate_limit INTEGER,
    since TIMESTAMP(3)
) RETURNS TEXT LANGUAGE plpgsql AS $fn$
DECLARE
    a "Attempt" := jsonb_populate_record(NULL::"Attempt", attempt);
    p "Progress" := jsonb_populate_record(NULL::"Progress", progress);
    current_version INTEGER;
BEGIN
    INSERT INTO "User" ("id", "displayName") VALUES (a."userId", display_name)
    ON CONFLICT ("id") DO UPDATE SET "displayName" = EXCLUDED."displayName"
        WHERE "User"."displayName" IS DISTINCT FROM EXCLUDED."displayName";

    IF EXISTS (SELECT 1 FROM "Attempt" WHERE "externalId" = a."externalId") THEN
        RETURN 'duplicate';
    END IF;
    IF (SELECT count(*) FROM "Attempt" WHERE "userId" = a."userId" AND "createdAt" >= since) >= rate_limit THEN
        RETURN 'slow_down';
    END IF;
    SELECT "version" INTO current_version FROM "Progress"
        WHERE "userId" = p."userId" AND "cardId" = p."cardId" AND "part" = p."part";
    IF current_version IS DISTINCT FROM expected_version THEN
        RETURN 'stale';
    END IF;

    INSERT INTO "Attempt" SELECT a.* ON CONFLICT ("externalId") DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'duplicate';
    END IF;
    IF a."points" > 0 THEN
        INSERT INTO "PointsEntry" ("attemptId", "guildId", "channelId", "userId", "points", "createdAt")
        VALUES (a."id", a."guildId", a."channelId", a."userId", a."points", a."createdAt");
        INSERT INTO "ScoreTotal" ("guildId", "channelId", "userId", "points")
        VALUES (a."guildId", '', a."userId", a."points"), (a."guildId", a."channelId", a."userId", a."points")
        ON CONFLICT ("guildId", "channelId", "userId") DO UPDATE SET "points" = "ScoreTotal"."points" + EXCLUDED."points";
    END IF;
    IF current_version IS NULL THEN
        p."version" := 0;
        INSERT INTO "Progress" SELECT p.*;
    ELSE
        UPDATE "Progress" SET
            "status" = p."status", "attempts" = p."attempts", "hintsUsed" = p."hintsUsed",
            "roundWrong" = p."roundWrong", "roundHints" = p."roundHints", "solvedAt" = p."solvedAt",
            "gaveUp" = p."gaveUp", "due" = p."due", "stability" = p."stability", "difficulty" = p."difficulty",
            "elapsedDays" = p."elapsedDays", "scheduledDays" = p."scheduledDays",
            "learningSteps" = p."learningSteps", "reps" = p."reps", "lapses" = p."lapses", "state" = p."state",
            "lastReview" = p."lastReview", "updatedAt" = p."updatedAt", "version" = current_version + 1
        WHERE "userId" = p."userId" AND "cardId" = p."cardId" AND "part" = p."part";
    END IF;
    RETURN 'recorded';
END
$fn$;

-- Keeps "PeriodScore" in step with the points ledger, whoever writes to it: each entry adds its points
-- to its week (from Monday) and its month, server-wide and in its channel, in the guild's time zone.
CREATE FUNCTION gradquiz_period_scores() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
DECLARE
    local_day DATE;
BEGIN
    SELECT ((NEW."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE g."timeZone")::DATE INTO local_day
        FROM "Guild" g WHERE g."id" = NEW."guildId";
    local_day := COALESCE(local_day, NEW."createdAt"::DATE);
    INSERT INTO "PeriodScore" ("guildId", "channelId", "period", "start", "userId", "points")
    VALUES
        (NEW."guildId", '', 'week', date_trunc('week', local_day::TIMESTAMP)::DATE, NEW."userId", NEW."points"),
        (NEW."guildId", NEW."channelId", 'week', date_trunc('week', local_day::TIMESTAMP)::DATE, NEW."userId", NEW."points"),
        (NEW."guildId", '', 'month', date_trunc('month', local_day::TIMESTAMP)::DATE, NEW."userId", NEW."points"),
        (NEW."guildId", NEW."channelId", 'month', date_trunc('month', local_day::TIMESTAMP)::DATE, NEW."userId", NEW."points")
    ON CONFLICT ("guildId", "channelId", "period", "start", "userId")
        DO UPDATE SET "points" = "PeriodScore"."points" + EXCLUDED."points";
    RETURN NULL;
END
$fn$;

CREATE TRIGGER "PointsEntry_period_scores" AFTER INSERT ON "PointsEntry"
    FOR EACH ROW EXECUTE FUNCTION gradquiz_period_scores();

-- Rebuilds a guild's period scores from its ledger (after its time zone changed).
CREATE FUNCTION gradquiz_rebuild_period_scores(guild TEXT) RETURNS VOID LANGUAGE sql AS $fn$
    DELETE FROM "PeriodScore" WHERE "guildId" = guild;
    INSERT INTO "PeriodScore" ("guildId", "channelId", "period", "start", "userId", "points")
    SELECT e."guildId", c.channel, p.period,
           date_trunc(p.period, ((e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE g."timeZone")::DATE::TIMESTAMP)::DATE,
           e."userId", SUM(e."points")
    FROM "PointsEntry" e
    JOIN "Guild" g ON g."id" = e."guildId"
    CROSS JOIN LATERAL (VALUES (''), (e."channelId")) c (channel)
    CROSS JOIN (VALUES ('week'), ('month')) p (period)
    WHERE e."guildId" = guild
    GROUP BY 1, 2, 3, 4, 5;
$fn$;

-- A user who leaves the leaderboards is unlisted in the totals, so a rank is one index-only count.
CREATE FUNCTION gradquiz_listed() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
BEGIN
    NEW."listed" := NOT COALESCE((SELECT "leaderboardOptOut" FROM "User" WHERE "id" = NEW."userId"), FALSE);
    RETURN NEW;
END
$fn$;

CREATE TRIGGER "ScoreTotal_listed" BEFORE INSERT ON "ScoreTotal"
    FOR EACH ROW EXECUTE FUNCTION gradquiz_listed();
CREATE TRIGGER "PeriodScore_listed" BEFORE INSERT ON "PeriodScore"
    FOR EACH ROW EXECUTE FUNCTION gradquiz_listed();

CREATE FUNCTION gradquiz_relist() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE "ScoreTotal" SET "listed" = NOT NEW."leaderboardOptOut" WHERE "userId" = NEW."id";
    UPDATE "PeriodScore" SET "listed" = NOT NEW."leaderboardOptOut" WHERE "userId" = NEW."id";
    RETURN NULL;
END
$fn$;

CREATE TRIGGER "User_relist" AFTER UPDATE OF "leaderboardOptOut" ON "User"
    FOR EACH ROW WHEN (OLD."leaderboardOptOut" IS DISTINCT FROM NEW."leaderboardOptOut")
    EXECUTE FUNCTION gradquiz_relist();

UPDATE "ScoreTotal" t SET "listed" = FALSE FROM "User" u WHERE u."id" = t."userId" AND u."leaderboardOptOut";

-- What existed before this migration.
INSERT INTO "PeriodScore" ("guildId", "channelId", "period", "start", "userId", "points")
SELECT e."guildId", c.channel, p.period,
       date_trunc(p.period, ((e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(g."timeZone", 'UTC'))::DATE::TIMESTAMP)::DATE,
       e."userId", SUM(e."points")
FROM "PointsEntry" e
LEFT JOIN "Guild" g ON g."id" = e."guildId"
CROSS JOIN LATERAL (VALUES (''), (e."channelId")) c (channel)
CROSS JOIN (VALUES ('week'), ('month')) p (period)
GROUP BY 1, 2, 3, 4, 5;
