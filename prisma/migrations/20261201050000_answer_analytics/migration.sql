-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "signature" TEXT,
ADD COLUMN     "solveTries" INTEGER;

-- CreateTable
CREATE TABLE "StudyEvent" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "guildId" TEXT,
    "channelId" TEXT,
    "cardId" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudyEvent_guildId_cardId_part_createdAt_kind_idx" ON "StudyEvent"("guildId", "cardId", "part", "createdAt", "kind");

-- CreateIndex
CREATE INDEX "StudyEvent_userId_idx" ON "StudyEvent"("userId");

-- CreateIndex
CREATE INDEX "Attempt_guildId_createdAt_id_idx" ON "Attempt"("guildId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Attempt_guildId_cardId_part_userId_createdAt_verdict_isStep_idx" ON "Attempt"("guildId", "cardId", "part", "userId", "createdAt", "verdict", "isStep", "solveTries");

-- CreateIndex
CREATE INDEX "Attempt_guildId_cardId_part_signature_userId_createdAt_verd_idx" ON "Attempt"("guildId", "cardId", "part", "signature", "userId", "createdAt", "verdict", "isStep", "mistake");

-- AddForeignKey
ALTER TABLE "StudyEvent" ADD CONSTRAINT "StudyEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyEvent" ADD CONSTRAINT "StudyEvent_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The first solve of each part already recorded gets its tries: the user's answers that counted up to and
-- including it, in time order.
UPDATE "Attempt" a SET "solveTries" = f.n
FROM (
    SELECT id, n FROM (
        SELECT id, verdict,
               count(*) FILTER (WHERE verdict IN ('correct', 'incorrect')) OVER w AS n,
               count(*) FILTER (WHERE verdict = 'correct') OVER w AS solves
        FROM "Attempt" WHERE NOT "isStep"
        WINDOW w AS (PARTITION BY "userId", "cardId", "part" ORDER BY "createdAt", id ROWS UNBOUNDED PRECEDING)
    ) t
    WHERE verdict = 'correct' AND solves = 1
) f
WHERE a.id = f.id;

-- Hints and give-ups before this migration left only counts on their progress row: each becomes an event
-- timed at this migration, placed in the server and channel of the user's latest attempt at that part
-- (else at that card; else nowhere, so only all-data analytics counts it).
INSERT INTO "StudyEvent" ("kind", "userId", "guildId", "channelId", "cardId", "part", "createdAt")
SELECT e.kind, p."userId", place."guildId", place."channelId", p."cardId", p."part", CURRENT_TIMESTAMP(3) AT TIME ZONE 'UTC'
FROM "Progress" p
CROSS JOIN LATERAL (
    SELECT 'hint' AS kind FROM generate_series(1, p."hintsUsed")
    UNION ALL SELECT 'give_up' WHERE p."gaveUp"
) e
LEFT JOIN LATERAL (
    SELECT a."guildId", a."channelId" FROM "Attempt" a
    WHERE a."userId" = p."userId" AND a."cardId" = p."cardId"
    ORDER BY (a."part" = p."part") DESC, a."createdAt" DESC LIMIT 1
) place ON TRUE;

-- The one write path now also writes the hint and give-up events of a write, in the same transaction as
-- the progress they change: `events` is a JSON array of {kind, guildId, channelId, cardId, part, createdAt}
-- (empty for answers). The attempt's `signature` travels in `attempt` like its other columns.
DROP FUNCTION gradquiz_record(TEXT, TEXT, JSONB, JSONB, INTEGER, TIMESTAMP(3));

CREATE FUNCTION gradquiz_record(
    user_id TEXT,
    display_name TEXT,
    attempt JSONB,
    progress JSONB,
    events JSONB,
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
    INSERT INTO "StudyEvent" ("kind", "userId", "guildId", "channelId", "cardId", "part", "createdAt")
    SELECT e."kind", user_id, e."guildId", e."channelId", e."cardId", e."part", e."createdAt"
    FROM jsonb_to_recordset(COALESCE(events, '[]'::jsonb))
        AS e("kind" TEXT, "guildId" TEXT, "channelId" TEXT, "cardId" TEXT, "part" TEXT, "createdAt" TIMESTAMP(3));
    RETURN 'recorded';
END
$fn$;
