/** Greek letters, as typed on a phone, and the spelled names the reader turns them into. */
export const GREEK_LETTERS: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

/** LaTeX's Greek commands (`\lambda`, `\varepsilon` …) and the spelled name each stands for. */
export const GREEK_COMMANDS: ReadonlyMap<string, string> = new Map([
  ...Object.values(GREEK_LETTERS).map((name): [string, string] => [name, name]),
  ['varepsilon', 'epsilon'],
  ['vartheta', 'theta'],
  ['varphi', 'phi'],
  ['varrho', 'rho'],
  ['varsigma', 'sigma'],
  ['varpi', 'pi'],
  ['ell', 'ell'],
]);

/** The symbol to show for a spelled Greek name (`lambda` → `λ`). */
export const GREEK_SYMBOLS: ReadonlyMap<string, string> = new Map(
  Object.entries(GREEK_LETTERS)
    .map(([symbol, name]): [string, string] => [name, symbol])
    .reverse(),
);
