import { RIGHT, WRONG } from '../../tests/discord/harness.ts';
import { HOSTILE } from '../../tests/helpers/hostileInputs.ts';

/** What a student types: graded answers of every kind, and chat the bot must leave alone. */
export type AnswerKind = 'right' | 'wrong' | 'invalid' | 'hostile' | 'chat';

/** How often each kind comes up, out of 100. */
const WEIGHTS: readonly (readonly [AnswerKind, number])[] = [
  ['right', 30],
  ['wrong', 30],
  ['invalid', 10],
  ['hostile', 15],
  ['chat', 15],
];

/** The `/answer` option and the modal's field take at most 1,000 characters; a message 2,000. */
const PRIVATE_MAX = 1000;
const MESSAGE_MAX = 2000;

/** Right for part 1 and for part 2 (which must use yhat), written as students do. */
const RIGHTS = [RIGHT, `\`${RIGHT}\``, `||${RIGHT}||`, '`(y - yhat) x`', '(y-yhat)*x'];
const INVALIDS = ['`(y - yhat * x`', '`x +* y`', '`(y - yhat) x +`', '`yhat(y`'];
const CHAT = ['is anybody there?', 'thanks!', 'hello everyone', 'ok', 'I give up for today'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * An answer of a random kind. In a thread, every kind but chat is written so that the bot must take
 * it as an answer (a code block or spoiler, or the card's names with operators); privately there is
 * no chat.
 */
export function randomAnswer(
  random: () => number,
  where: 'thread' | 'private',
): {
  kind: AnswerKind;
  content: string;
} {
  let roll = random() * WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let kind: AnswerKind = 'right';
  for (const [candidate, weight] of WEIGHTS) {
    kind = candidate;
    if ((roll -= weight) < 0) break;
  }
  if (kind === 'chat' && where === 'private') kind = 'wrong';
  const max = where === 'private' ? PRIVATE_MAX : MESSAGE_MAX;
  switch (kind) {
    case 'right':
      return { kind, content: pick(RIGHTS, random) };
    case 'wrong':
      return { kind, content: random() < 0.5 ? `${WRONG} + ${Math.floor(random() * 9)}` : `\`${WRONG}\`` };
    case 'invalid':
      return { kind, content: pick(INVALIDS, random) };
    case 'hostile': {
      const wrapped = where === 'thread' ? (input: string) => `\`${input}\`` : (input: string) => input;
      const fitting = HOSTILE.map(wrapped).filter((input) => input.length <= max);
      return { kind, content: pick(fitting, random) };
    }
    case 'chat':
      return { kind, content: pick(CHAT, random) };
  }
}
