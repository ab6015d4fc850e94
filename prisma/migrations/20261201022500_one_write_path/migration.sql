-- One write path for everything a user does to a quiz (an answer, a step, a flashcard rating, a hint, a
-- give-up): the application decides what to write (points, FSRS, status) from what it read, and this
-- function writes it atomically or reports why it did not. It replaces `gradquiz_record_answer`, which
-- only answers went through (the rest took interactive transactions).
--
-- It creates or locks the user's row first (`INSERT … ON CONFLICT DO UPDATE … WHERE` locks the row even
-- when nothing changes), so everything one user does is serialised; then, under that lock:
--   `duplicate`  an attempt with this externalId exists (a redelivery): nothing written;
--   `slow_down`  the user has `rate_limit` answers since `since` (flashcard ratings are not answers);
--   `stale`      a progress row no longer has the version it was read with: nothing written, the caller
--                reads again and decides again;
--   `recorded`   the attempt (if any), its points (ledger, all-time totals; the ledger's trigger adds the
--                week and month totals) and the progress rows (version + 1) are written.
-- `attempt` and `rate_limit` may be NULL; `progress` is a JSON array of {"row": Progress, "expected": n|null}.

DROP FUNCTION gradquiz_record_answer(JSONB, JSONB, INTEGER, TEXT, INTEGER, TIMESTAMP(3));

CREATE FUNCTION gradquiz_record(
    user_id TEXT,
    display_name TEXT,
    attempt JSONB,
    progress JSONB,
    rate_limit INTEGER,
    since TIMESTAMP(3)
) RETURNS TEXT LANGUAGE plpgsql AS $fn$
DECLARE
    a "Attempt";
    p "Progress";
    item JSONB;
BEGIN
    INSERT INTO "User" ("id", "displayName") VALUES (user_id, display_name)
    ON CONFLICT ("id") DO UPDATE SET "displayName" = EXCLUDED."displayName"
        WHERE "User"."displayName" IS DISTINCT FROM EXCLUDED."displayName";

    IF attempt IS NOT NULL AND EXISTS (SELECT 1 FROM "Attempt" WHERE "externalId" = attempt->>'externalId') THEN
        RETURN 'duplicate';
    END IF;
    IF rate_limit IS NOT NULL AND (SELECT count(*) FROM "Attempt"
        WHERE "userId" = user_id AND "createdAt" >= since AND "verdict" <> 'self_rated') >= rate_limit THEN
        RETURN 'slow_down';
    END IF;
    FOR item IN SELECT jsonb_array_elements(progress) LOOP
        IF (SELECT "version" FROM "Progress"
            WHERE "userId" = item->'row'->>'userId' AND "cardId" = item->'row'->>'cardId'
              AND "part" = item->'row'->>'part') IS DISTINCT FROM (item->>'expected')::INTEGER THEN
            RETURN 'stale';
        END IF;
    END LOOP;

    IF attempt IS NOT NULL THEN
        a := jsonb_populate_record(NULL::"Attempt", attempt);
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
    END IF;
    -- The versions were checked under the lock: a row expected absent is absent, the others exist.
    FOR item IN SELECT jsonb_array_elements(progress) LOOP
        p := jsonb_populate_record(NULL::"Progress", item->'row');
        IF item->>'expected' IS NULL THEN
            p."version" := 0;
            INSERT INTO "Progress" SELECT p.*;
        ELSE
            UPDATE "Progress" SET
                "status" = p."status", "attempts" = p."attempts", "hintsUsed" = p."hintsUsed",
                "roundWrong" = p."roundWrong", "roundHints" = p."roundHints", "solvedAt" = p."solvedAt",
                "gaveUp" = p."gaveUp", "due" = p."due", "stability" = p."stability", "difficulty" = p."difficulty",
                "elapsedDays" = p."elapsedDays", "scheduledDays" = p."scheduledDays",
                "learningSteps" = p."learningSteps", "reps" = p."reps", "lapses" = p."lapses", "state" = p."state",
                "lastReview" = p."lastReview", "updatedAt" = p."updatedAt", "version" = "version" + 1
            WHERE "userId" = p."userId" AND "cardId" = p."cardId" AND "part" = p."part";
        END IF;
    END LOOP;
    RETURN 'recorded';
END
$fn$;
