// The content script's pieces: call-control matching, reading its slice of the rules (also right
// after install, before the background has written it), and what happens when Pausa itself fails.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { compileControls, findCallControl, labelOf } from '../../src/content/call-controls';
import bundled from '../../src/rules/rules.json';
import { coverageFor } from '../../src/background/coverage';
import { Rules } from '../../src/shared/rules';

describe('call controls', () => {
  it('a control with a selector that is not CSS is left out, not thrown inside the click listener', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const compiled = compileControls([
      { phrases: ['video call'], start: true, end: false, selector: 'button[' },
      { phrases: ['video call'], start: true, end: false, selector: 'button' },
    ]);
    expect(compiled).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  // As the background hands them over: the coverage it computes from the bundled rules.
  const coverage = coverageFor(Rules.parse(bundled), { disabledSites: [] });
  const controls = compileControls(coverage.sites.find((s) => s.id === 'messenger')!.callControls);
  const pathOf = (el: Element) => {
    const path: EventTarget[] = [];
    for (let n: Element | null = el; n; n = n.parentElement) path.push(n);
    return path;
  };

  it('finds the control from an icon inside it, by aria-label, title or text', () => {
    document.body.innerHTML = `
      <div role="button" aria-label="Start a video call"><svg><path id="icon"></path></svg></div>
      <button title="Videochamada" id="pt"></button>
      <button id="voice" aria-label="Start a voice call"></button>
      <a href="#" id="text"><span id="inner">Video call</span></a>`;
    expect(
      findCallControl(pathOf(document.getElementById('icon')!), controls)?.getAttribute('aria-label'),
    ).toBe('Start a video call');
    expect(findCallControl(pathOf(document.getElementById('pt')!), controls)?.id).toBe('pt');
    expect(findCallControl(pathOf(document.getElementById('inner')!), controls)?.id).toBe('text');
    expect(findCallControl(pathOf(document.getElementById('voice')!), controls)).toBeUndefined();
  });

  it('reads a label as a person would', () => {
    document.body.innerHTML = '<button id="b">  Start\n  video   call </button>';
    expect(labelOf(document.getElementById('b')!)).toBe('Start video call');
  });
});

describe('when the warning cannot load', () => {
  it('the share goes on (the files are not held forever) and the failure is logged', async () => {
    vi.resetModules();
    vi.doMock('../../src/shared/ext', () => ({
      ext: { runtime: { getURL: (p: string) => `chrome-extension://missing/${p}` } },
    }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { warn } = await import('../../src/content/warning-loader');
    await expect(warn({ kind: 'files', via: 'input', files: [] })).resolves.toBe(true);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('could not be shown'), expect.anything());
    vi.doUnmock('../../src/shared/ext');
  });
});

describe('the coverage the content script reads', () => {
  type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
  const coverage = { revision: 7, media: { mimePrefixes: ['image/'], extensions: [] }, sites: [] };

  async function load(stored: Record<string, unknown>) {
    const listeners = new Set<Listener>();
    vi.resetModules();
    vi.doMock('../../src/shared/ext', () => ({
      ext: {
        storage: {
          local: { get: async () => stored },
          onChanged: {
            addListener: (l: Listener) => listeners.add(l),
            removeListener: (l: Listener) => listeners.delete(l),
          },
        },
      },
    }));
    const { whenCoverage } = await import('../../src/content/coverage');
    vi.doUnmock('../../src/shared/ext');
    const used: unknown[] = [];
    await whenCoverage((c) => used.push(c));
    const fire = (changes: Record<string, { newValue?: unknown }>, area = 'local') =>
      [...listeners].forEach((l) => l(changes, area));
    return { used, listeners, fire };
  }

  it('uses the stored coverage at once', async () => {
    const { used, listeners } = await load({ coverage });
    expect(used).toEqual([coverage]);
    expect(listeners.size).toBe(0);
  });

  it('just installed: waits for the background to write it, then stops listening', async () => {
    const { used, listeners, fire } = await load({});
    expect(used).toEqual([]);
    fire({ settings: { newValue: {} } });
    fire({ coverage: { newValue: coverage } }, 'session');
    fire({ coverage: {} });
    expect(used).toEqual([]);
    fire({ coverage: { newValue: coverage } });
    expect(used).toEqual([coverage]);
    expect(listeners.size).toBe(0);
  });
});
