import { describe, expect, it } from 'vitest';

import { createLogger } from '../../src/adapters/discord/logger.ts';
import { loadSeeds } from '../../src/adapters/seeds/loadSeeds.ts';
import { logDeck } from '../../src/main/logDeck.ts';

describe('GIVEN a deck with a derivation whose written block is wrong and a refused file', () => {
  it('THEN the bot logs a warning for each, saying why', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      secrets: [],
      destination: { write: (l: string) => lines.push(l) },
    });
    logDeck(logger, await loadSeeds('tests/fixtures/broken'));
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'derivation served as a flashcard',
        file: 'bad-answer.md',
        why: expect.stringMatching(
          /^its check block is wrong \(check\.answer: part 1: the answer is the negation/,
        ),
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'card refused', file: 'bad-yaml.md' }),
    );
  });
});
