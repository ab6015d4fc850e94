import { cardVocabulary } from '../../core/cards/vocabulary.ts';
import { exprToTex } from '../../core/expr/tex.ts';
import { readExpression } from '../../core/reader/index.ts';
import type { SeedBank } from '../seeds/loadSeeds.ts';
import { readErrorWords } from '../text/readErrorWords.ts';
import { sentence } from '../text/words.ts';
import type { RenderDeps } from './renderCommand.ts';

/** What `gradquiz render` needs from the card bank: card texts, and answers read as the grader reads them. */
export function renderDeps(bank: SeedBank): RenderDeps {
  const find = (id: string) => bank.cards.find((c) => c.id === id);
  return {
    findCardBody: (id) => {
      const card = find(id);
      if (card === undefined) return undefined;
      return { question: card.question, ...(card.solution !== undefined ? { solution: card.solution } : {}) };
    },
    answerToTex: (cardId, answer) => {
      const card = find(cardId);
      if (card === undefined) return { ok: false, message: `no card with id "${cardId}"` };
      if (card.grading === 'self')
        return { ok: false, message: `card "${cardId}" is self-graded: it takes no answers` };
      const vocab = cardVocabulary(card);
      const read = readExpression(answer, vocab);
      return read.ok
        ? { ok: true, tex: exprToTex(read.expr, vocab.names) }
        : { ok: false, message: sentence(readErrorWords(read.error)) };
    },
  };
}
