import type { CardRecord } from './records.ts';

/** The cards as last synced from the seeds. */
export interface CardStore {
  list(): Promise<CardRecord[]>;
  save(card: CardRecord): Promise<void>;
}
