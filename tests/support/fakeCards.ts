import type { Card } from '../../src/core/cards/card.ts';
import type { Grader } from '../../src/app/index.ts';

/** A card with only what the application layer reads (the grader here is a fake). */
export function fakeCard(
  id: string,
  options: {
    parts?: string[];
    difficulty?: number;
    tags?: string[];
    course?: string;
    hash?: string;
    hints?: string[];
  } = {},
): Card {
  return {
    id,
    file: `${id}.md`,
    course: options.course ?? 'ML 101',
    tags: options.tags ?? ['logistic'],
    difficulty: options.difficulty ?? 2,
    type: 'derivation',
    grading: 'numeric',
    check: 'written',
    body: `# Question\nDerive ${id}.\n# Solution\nThe answer.`,
    question: `Derive ${id}.`,
    solution: 'The answer.',
    vars: new Map(),
    given: [],
    shapes: new Map(),
    aliases: new Map(),
    parts: (options.parts ?? ['1']).map((label) => ({
      label,
      prompt: `Part ${label}`,
      loss: { kind: 'number', value: 0 },
      lossSource: '0',
      wrt: 'w',
      answer: { kind: 'number', value: 0 },
      answerSource: '0',
      sign: 'strict',
      require: [],
      forbid: [],
      hints: options.hints ?? ['Use the chain rule.', 'sigma prime is sigma (1 - sigma).'],
      mistakes: [],
    })),
    contentHash: options.hash ?? `hash-${id}`,
  } as unknown as Card;
}

/** A self-graded flashcard (`type: concept`), with or without a written solution. */
export function fakeFlashcard(id: string, options: { solution?: boolean; tags?: string[] } = {}): Card {
  const solution = options.solution ?? true;
  return {
    id,
    file: `${id}.md`,
    course: 'ML 101',
    tags: options.tags ?? ['concepts'],
    difficulty: 2,
    type: 'concept',
    grading: 'self',
    check: 'none',
    body: `# Question\nWhat is ${id}?${solution ? `\n# Solution\n${id} is this.` : ''}`,
    question: `What is ${id}?`,
    ...(solution ? { solution: `${id} is this.` } : {}),
    contentHash: `hash-${id}`,
  };
}

/** "right" is correct, "wrong" incorrect, "long" not simplified, anything else invalid. */
export const fakeGrader: Grader = (_card, _part, input) => {
  const target = '∂ℓ/∂w';
  if (input === 'right') return { verdict: 'correct', reason: { code: 'correct', target } };
  if (input === 'wrong') return { verdict: 'incorrect', mistake: 'sign', reason: { code: 'sign', target } };
  if (input === 'long')
    return { verdict: 'not_simplified', reason: { code: 'not_simplified', missing: ['n'], forbidden: [] } };
  return { verdict: 'invalid', reason: { code: 'unreadable', error: { code: 'empty', afterEquals: false } } };
};
