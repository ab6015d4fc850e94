import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/core/random/rng.ts';
import { mutate, pick, randomText, VALID } from '../../helpers/fuzzInputs.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';
import { messageOf } from '../../support/words.ts';

describe('GIVEN 12,000 generated inputs from a fixed seed', () => {
  it('THEN the reader never throws, answers each within 1 s, and what it prints reads back the same', () => {
    const rng = seededRng(20240601);
    let slowest = 0;
    let read = 0;
    for (let i = 0; i < 12_000; i++) {
      const text = i % 2 === 0 ? randomText(rng) : mutate(rng, pick(rng, VALID));
      const started = performance.now();
      let result: ReturnType<typeof readExpression>;
      try {
        result = readExpression(text, seedVocab);
      } catch (thrown) {
        throw new Error(`readExpression threw on ${JSON.stringify(text)}: ${String(thrown)}`);
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      expect(elapsed, JSON.stringify(text)).toBeLessThan(1000);
      if (result.ok) {
        read++;
        const again = readExpression(result.normalized, seedVocab);
        expect(again.ok && again.expr, `${JSON.stringify(text)} → ${result.normalized}`).toEqual(result.expr);
      } else {
        expect(messageOf(result.error), JSON.stringify(text)).not.toMatch(/\(char \d+\)/);
      }
    }
    // The mutations of valid answers must leave a fair share readable, or the round trip tests nothing.
    expect(read).toBeGreaterThan(1000);
    expect(slowest).toBeLessThan(1000);
  });
});
