-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "rating" INTEGER;

-- A flashcard's self-rating is an attempt too, but not an answer: the per-minute answer limit does not
-- count it. The function is the earlier migration's, with that one condition added.
CREATE OR REPLACE FUNCTION gradquiz_record_answer(
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
    IF (SELECT count(*) FROM "Attempt"
        WHERE "userId" = a."userId" AND "createdAt" >= since AND "verdict" <> 'self_rated') >= rate_limit THEN
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
