export function filesUnder(dir: string): string[];
export function packageBuild(dir: string, options?: { dropKey?: boolean }): Promise<Buffer>;
export function sha256Line(bytes: Buffer, filename: string): string;
