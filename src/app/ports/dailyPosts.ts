/** What a claim on a server's daily quiz of one date gave. */
export type DailyClaim =
  /** This caller posts it, sending `nonce` with the message (the same nonce on every retry). */
  | { readonly kind: 'claimed'; readonly nonce: string }
  /** Posted already, or being posted by another process right now. */
  | { readonly kind: 'taken' };

/** Daily quizzes, one per server and local date: claimed before posting, completed after. */
export interface DailyPostStore {
  /**
   * Claims the daily quiz of `guildId` on `date`, in one statement: a first claim, or one taken again
   * because it was claimed before `staleBefore` and never completed (its process died). A new claim
   * keeps `nonce`; a retaken one returns the nonce of the first.
   */
  claim(input: {
    readonly guildId: string;
    readonly date: string;
    readonly nonce: string;
    readonly staleBefore: Date;
  }): Promise<DailyClaim>;
  /** Marks it posted (with its quiz, or null when nothing could be posted): no claim is given again. */
  complete(input: {
    readonly guildId: string;
    readonly date: string;
    readonly quizId: string | null;
  }): Promise<void>;
}
