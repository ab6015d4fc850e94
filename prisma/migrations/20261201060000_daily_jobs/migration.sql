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
