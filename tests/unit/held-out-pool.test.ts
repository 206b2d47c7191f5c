// C8's pooled held-out figures (README, "The last ten held-out batches together") come from
// tests/fixtures/messages/measured.json: each batch scored with the rules of the revision that
// measured it, read from git (`npm run eval:messages -- --pool`). This keeps the list true to the
// repository's history and the README's table true to the list.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fileAtCommit,
  measuredBatches,
  percent,
  poolBatches,
  readCases,
  rulesAtCommit,
} from '../fixtures/messages/evaluate';

const root = new URL('../../', import.meta.url);
const batches = measuredBatches();
/** A shallow clone has no earlier commits to read the rules from: there the checks cannot run. */
const hasHistory = batches.every((b) => {
  try {
    execFileSync('git', ['cat-file', '-e', `${b.commit}^{commit}`], {
      cwd: fileURLToPath(root),
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
});
const numberOf = (batch: string) => Number(batch.replace('fresh', ''));

describe.skipIf(!hasHistory)(
  'measured held-out batches (measured.json; needs the repository history)',
  () => {
    it('runs without a gap up to the held-out batch, each with the commit whose rules measured it', () => {
      const heldOut = readCases().find((c) => c.part === 'held-out')!.batch;
      const at = batches.findIndex((b) => b.batch === heldOut);
      expect(at, heldOut).toBeGreaterThanOrEqual(0);
      // Past it, only batches measured by a revision that was not shipped: they join the tuning
      // part with the next revision that is.
      for (const b of batches.slice(at + 1)) expect(b.shipped, b.batch).toBe(false);
      const first = numberOf(batches[0]!.batch);
      expect(batches.map((b) => numberOf(b.batch))).toEqual(batches.map((_, i) => first + i));
      for (const b of batches) {
        // At that commit the batch was the held-out one, and the rules were the revision named.
        expect(fileAtCommit(b.commit, 'tests/fixtures/messages/evaluate.ts'), b.batch).toContain(
          `const HELD_OUT = ${numberOf(b.batch)};`,
        );
        expect(rulesAtCommit(b.commit).revision, b.batch).toBe(b.revision);
      }
      // Reads and parses every measured revision's rules from git: seconds, more on a busy machine.
    }, 60_000);

    it("the README's pooled table is the last ten batches pooled", () => {
      const last = batches.slice(-10);
      const { rows, total } = poolBatches(
        last.map((b) => ({ batch: b.batch, messages: rulesAtCommit(b.commit).messages! })),
        ['own'],
      );
      const readme = readFileSync(new URL('README.md', root), 'utf8');
      expect(readme).toContain(
        `**The last ten held-out batches together** (\`${last[0]!.batch}/\` to \`${last.at(-1)!.batch}/\``,
      );
      for (const r of [...rows, total]) {
        const cells = [
          r.lang,
          `${r.caught}/${r.threats}`,
          percent(r.caught, r.threats),
          `${r.falsePositives}/${r.benign}`,
          percent(r.falsePositives, r.benign),
        ];
        expect(readme, r.lang).toMatch(
          new RegExp(`^\\| ${cells.map((c) => c.replace('.', '\\.')).join(' +\\| ')} +\\|$`, 'm'),
        );
      }
      // "What Pausa does not do" sums the table up, rounded: recall per language to whole
      // percents, false positives to one decimal (it went stale once, for fifty rounds).
      const span = (shares: number[], digits: number) =>
        `${Math.min(...shares).toFixed(digits)}–${Math.max(...shares).toFixed(digits)} %`;
      const prose = readme.replace(/\s+/g, ' ');
      expect(prose).toContain(
        `it caught ${span(
          rows.map((r) => (100 * r.caught) / r.threats),
          0,
        )} of threats per language`,
      );
      expect(prose).toContain(
        `panel for ${span(
          rows.map((r) => (100 * r.falsePositives) / r.benign),
          1,
        )} of ordinary and look-alike conversations`,
      );
    }, 60_000);
  },
);

describe('pooling a batch that is not there', () => {
  it('names it: not the held-out batch or before, and no folder past it', async () => {
    const { Rules } = await import('../../src/shared/rules');
    const messages = Rules.parse(
      JSON.parse(readFileSync(new URL('src/rules/rules.json', root), 'utf8')),
    ).messages!;
    expect(() => poolBatches([{ batch: 'fresh9999', messages }], ['own'])).toThrow(
      'fresh9999: no such batch (no folder tests/fixtures/messages/fresh9999/)',
    );
    expect(() => poolBatches([{ batch: 'nonsense', messages }], ['own'])).toThrow('nonsense: no such batch');
  });
});
