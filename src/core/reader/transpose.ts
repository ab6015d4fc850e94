/**
 * `w^T`, `w^{T}`, `w^\top`, `w^{\top}`, `w^\intercal`, `w^{\mathsf{T}}` (and `wᵀ`, which the Unicode
 * step turns into `w^{T}`) become mathjs's postfix `'`: mathjs reads `T` as the tesla unit, and parses
 * `w'x` as `transpose(w) * x`. A superscript `T` always means transpose: in LaTeX `^Tx` is `^{T} x`.
 */
const TRANSPOSE =
  /\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\(?:mathsf|mathrm|text|mathbf)\s*\{\s*T\s*\})\s*\}|T|\\top(?![A-Za-z])|\\intercal(?![A-Za-z])|\\(?:mathsf|mathrm|text|mathbf)\s*\{\s*T\s*\})/g;

export function markTranspose(text: string): string {
  return text.replace(TRANSPOSE, "'");
}
