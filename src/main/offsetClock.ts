import { readFileSync } from 'node:fs';
import type { Clock } from '../app/index.ts';

/**
 * A test hook (`GRADQUIZ_TEST_CLOCK_FILE`), never for production: the real time moved by the number
 * of milliseconds written in `file`, read at every call, so that a test can move the clock of bot
 * processes it started (across a day boundary for the daily quiz). No file or no number: no offset.
 */
export function offsetClock(file: string): Clock {
  const offset = () => {
    try {
      const ms = Number(readFileSync(file, 'utf8').trim());
      return Number.isFinite(ms) ? ms : 0;
    } catch {
      return 0;
    }
  };
  return { now: () => new Date(Date.now() + offset()) };
}
