/** Answers written to make the grader work without bound (NOTES.md, issue 10), shared by the tests and the bench. */

/** Index letters for nested sums: the issue's own (a … h), then more that are no name of the first card. */
const LETTERS = 'abcdefghpqrtuvzijko';

/**
 * The answer generalised to `levels` nested sums: `\sum_a … \sum_h \sum_m
 * (((x_a x_b)(x_c x_d))((x_e x_f)(x_g x_h))) x_m` at 9 levels, each extra level ×n more work.
 */
export function nestedSums(levels: number, options: { sigma?: boolean; vector?: string } = {}): string {
  const inner = [...LETTERS.slice(0, levels - 1)];
  const all = [...inner, 'm'];
  const vector = options.vector ?? 'x';
  let groups = inner.map((l) => `${vector}_${l}`);
  while (groups.length > 1) {
    const paired: string[] = [];
    for (let i = 0; i < groups.length; i += 2)
      paired.push(i + 1 < groups.length ? `(${groups[i]} ${groups[i + 1]})` : (groups[i] as string));
    groups = paired;
  }
  const sums = all.map((l) => (options.sigma ? `Σ_${l}` : `\\sum_${l}`)).join(' ');
  const body = groups.length === 0 ? '' : `${groups[0]} `;
  return `${sums} ${body}${vector}_m`.replace(/\) \(/g, ')(');
}

/** What crashes or stalls a plain mathjs (NOTES.md), and the nested sums of issue 10 in their variants. */
export const HOSTILE = [
  'zeros(1e5,1e5)',
  'range(1,1e9)',
  'ones(10000,10000)',
  'ones(2000,2000)*ones(2000,2000)',
  'f(x)=f(x); f(1)',
  '('.repeat(10000) + 'x' + ')'.repeat(10000),
  '1+'.repeat(25000) + '1',
  'import({}, {override: true})',
  'evaluate("1+1")',
  '10^10^10^10 * x',
  'x.^1e308',
  ...[8, 9, 11, 18].flatMap((levels) => [
    nestedSums(levels),
    nestedSums(levels, { sigma: true }),
    nestedSums(levels, { vector: 'w' }),
  ]),
];
