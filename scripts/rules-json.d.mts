export function rulesText(rules: unknown): string;
