-- A time-zone change rebuilds the guild's period scores while answers may be adding to them. Without a
-- lock, the rebuild's DELETE and the answers' upserts met on the same "PeriodScore" rows: deadlocks,
-- duplicate keys (an answer inserting a row the rebuild then inserted from the ledger), and points
-- counted in the old zone. Now each ledger entry takes a shared per-guild advisory lock before it reads
-- the zone and writes its period totals, and the rebuild takes that lock exclusively: it waits for the
-- answers in flight to commit, then recounts, and the answers that come meanwhile wait for it to commit
-- and read the new zone. Locks are released at the end of each transaction.

CREATE OR REPLACE FUNCTION gradquiz_period_scores() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
DECLARE
    local_day DATE;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('gradquiz_period_scores'), hashtext(NEW."guildId"));
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

-- Each statement of this (volatile) function reads with a new snapshot: the ledger as committed once the
-- lock is held.
CREATE OR REPLACE FUNCTION gradquiz_rebuild_period_scores(guild TEXT) RETURNS VOID LANGUAGE sql AS $fn$
    SELECT pg_advisory_xact_lock(hashtext('gradquiz_period_scores'), hashtext(guild));
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
