// One version (package.json) in every manifest, and packaging refuses a version already tagged.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { versionProblem } from '../../scripts/version-guard.mjs';

vi.mock('@crxjs/vite-plugin', () => ({ crx: () => ({ name: 'crx-stub' }) }));
const { manifestFor } = await import('../../vite.config');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('versioning', () => {
  it("every build takes package.json's version", () => {
    for (const browser of ['chrome', 'firefox'] as const)
      for (const edition of ['store', 'managed'] as const)
        expect((manifestFor(browser, edition) as { version: string }).version).toBe(pkg.version);
  });

  it('CHANGELOG.md has an entry for the current version or an Unreleased section', () => {
    const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## (${pkg.version.replaceAll('.', '\\.')}|Unreleased)$`, 'm'));
  });

  it('refuses a tagged version unless told, and a malformed one always', () => {
    expect(versionProblem('0.2.0', ['v0.1.0'])).toBeNull();
    expect(versionProblem('0.1.0', ['v0.1.0'])).toMatch(/already tagged v0\.1\.0/);
    expect(versionProblem('0.1.0', ['v0.1.0'], true)).toBeNull();
    expect(versionProblem('1.0', [])).toMatch(/not major\.minor\.patch/);
  });
});
