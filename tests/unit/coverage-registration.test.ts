// The content-script registration: the manifest's scripts cover the bundled sites; the background
// registers the same scripts for every other covered site (extra sites, allSites), excluding the
// manifest's, and follows settings and policy without a gap: a page that loads while a setting
// changes is still hooked. A fake `scripting` API records every state the registration passes
// through; concurrent applications must not interleave.
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Script {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js?: string[];
  world?: string;
}

const registered = new Map<string, Script>();
/** Every moment the set of registered ids changed, as sorted id lists. */
const moments: string[][] = [];
const calls: string[] = [];
const snapshot = () => moments.push([...registered.keys()].sort());
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

const scripting = {
  async getRegisteredContentScripts({ ids }: { ids: string[] }) {
    await tick();
    return ids.flatMap((id) => (registered.has(id) ? [structuredClone(registered.get(id)!)] : []));
  },
  async registerContentScripts(scripts: Script[]) {
    calls.push('register');
    await tick();
    for (const s of scripts) {
      if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
    }
    for (const s of scripts) registered.set(s.id, structuredClone(s));
    snapshot();
  },
  async updateContentScripts(scripts: Array<Partial<Script> & { id: string }>) {
    calls.push('update');
    await tick();
    for (const s of scripts) registered.set(s.id, { ...registered.get(s.id)!, ...structuredClone(s) });
    snapshot();
  },
  async unregisterContentScripts({ ids }: { ids: string[] }) {
    calls.push('unregister');
    await tick();
    for (const id of ids) registered.delete(id);
    snapshot();
  },
};

const state = {
  mode: 'every-share',
  disabledSites: [] as string[],
  extraSites: [] as string[],
  allSites: false,
};
const { default: bundledRules } = await import('../../src/rules/rules.json');
const MANIFEST_PATTERNS = [...new Set(bundledRules.sites.flatMap((site) => site.matches))];
const EXTRA = 'https://intranet.example.edu/*';

vi.mock('webextension-polyfill', () => ({
  default: {
    scripting,
    runtime: { getManifest: () => ({ content_scripts: [{ matches: MANIFEST_PATTERNS }] }) },
    permissions: { contains: async () => true },
    storage: { local: { set: async () => undefined } },
  },
}));
vi.mock('../../src/background/state', async () => {
  const { bundled } = await import('../../src/background/rules-store');
  return {
    currentRules: async () => bundled,
    currentConfig: async () => ({ ...state }),
  };
});

const { applyCoverage } = await import('../../src/background/coverage');
const BOTH = ['pausa-isolated', 'pausa-main'];

beforeEach(() => {
  registered.clear();
  moments.length = 0;
  calls.length = 0;
  Object.assign(state, { mode: 'every-share', disabledSites: [], extraSites: [], allSites: false });
});

describe('content-script registration', () => {
  it('the bundled sites need no registration (the manifest covers them)', async () => {
    await applyCoverage();
    state.disabledSites = ['instagram'];
    await applyCoverage();
    expect(calls).toEqual([]);
  });

  it('registers both scripts for an extra site, excluding the manifest sites; an unchanged registration stays', async () => {
    state.extraSites = [EXTRA, MANIFEST_PATTERNS[0]!];
    await applyCoverage();
    expect(calls).toEqual(['register']);
    expect(registered.get('pausa-main')).toMatchObject({ world: 'MAIN', matches: [EXTRA] });
    expect(registered.get('pausa-isolated')?.excludeMatches?.sort()).toEqual([...MANIFEST_PATTERNS].sort());
    await applyCoverage();
    await applyCoverage();
    expect(calls).toEqual(['register']);
  });

  it('registers whole hosts: a pattern with a path gets its host (Chrome allows only /* with frames)', async () => {
    state.extraSites = ['https://intranet.example.edu/messages/*', EXTRA];
    await applyCoverage();
    expect(registered.get('pausa-main')?.matches).toEqual([EXTRA]);
  });

  it('a changed site list is updated in one step, never unregistered in between', async () => {
    state.extraSites = [EXTRA];
    await applyCoverage();
    state.extraSites = [EXTRA, 'https://*.example.org/*'];
    await applyCoverage();
    expect(calls).toEqual(['register', 'update']);
    expect(registered.get('pausa-isolated')?.matches.sort()).toEqual(['https://*.example.org/*', EXTRA]);
    state.allSites = true;
    await applyCoverage();
    expect(registered.get('pausa-main')?.matches).toEqual(['*://*/*']);
    expect(registered.get('pausa-main')?.excludeMatches).toHaveLength(MANIFEST_PATTERNS.length);
    expect(moments.every((ids) => ids.join() === BOTH.join())).toBe(true);
  });

  it('mode off unregisters; turning it back on registers again', async () => {
    state.extraSites = [EXTRA];
    await applyCoverage();
    state.mode = 'off';
    await applyCoverage();
    expect(registered.size).toBe(0);
    state.mode = 'every-share';
    await applyCoverage();
    expect([...registered.keys()].sort()).toEqual(BOTH);
  });

  it('events that fire together run one after another (no duplicate-id error, latest state wins)', async () => {
    state.extraSites = [EXTRA];
    const runs = [applyCoverage(), applyCoverage(), applyCoverage()];
    state.extraSites = ['https://*.example.org/*'];
    runs.push(applyCoverage(), applyCoverage());
    await expect(Promise.all(runs)).resolves.toHaveLength(5);
    expect(calls.filter((c) => c === 'register')).toHaveLength(1);
    expect(calls).not.toContain('unregister');
    expect(registered.get('pausa-main')?.matches).toEqual(['https://*.example.org/*']);
  });

  it('a failed application does not block the next one', async () => {
    state.extraSites = [EXTRA];
    const original = scripting.registerContentScripts;
    scripting.registerContentScripts = async () => {
      throw new Error('boom');
    };
    await expect(applyCoverage()).rejects.toThrow('boom');
    scripting.registerContentScripts = original;
    await applyCoverage();
    expect([...registered.keys()].sort()).toEqual(BOTH);
  });
});
