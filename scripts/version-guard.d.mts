export function versionProblem(version: string, tags: string[], allowTagged?: boolean): string | null;
