/**
 * What mathjs's lexer reads otherwise than a student means it, rewritten first: `**` (a power, in
 * Python and on calculators) is `^`, where mathjs sees two products and "a value is missing"; and a
 * `0` before `x`, `b` or `o` is a number times a name (`23+0x`), where mathjs starts a hexadecimal,
 * binary or octal literal. Students never write those literals, so nothing is lost.
 */
export function defuseLexerQuirks(text: string): string {
  return text.replace(/\*\*/g, '^').replace(/(^|[^0-9A-Za-z_.])0(?=[xXbBoO])/g, '$10 ');
}
