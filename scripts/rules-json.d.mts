export function rulesText(rules: unknown): string;
export function groupWeights(
  weights: Readonly<Record<string, number | string>>,
): Record<string, number | string>;
