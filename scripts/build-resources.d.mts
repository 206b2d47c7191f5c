export const CHECKED: string;
export function buildResources(research: unknown[]): unknown[];
