// Issue #11 item 4: a build without a rules URL (the default) does not check for updates at all
// and records no problem; a rules URL (build-time or policy `rulesUrl`) is checked as before.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectiveConfig } from '../../src/shared/config';

const store = new Map<string, unknown>();
const alarms = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string | string[]) =>
          Object.fromEntries([key].flat().flatMap((k) => (store.has(k) ? [[k, store.get(k)]] : []))),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) store.set(k, v);
        },
      },
    },
    alarms: {
      get: async (name: string) => alarms.get(name),
      create: async (name: string, info: unknown) => void alarms.set(name, info),
      clear: async (name: string) => alarms.delete(name),
    },
  },
}));

const { DEFAULT_RULES_URL } = await import('../../src/rules/source');
const { checkRules, scheduleChecks, CHECK_ALARM, RETRY_ALARM } =
  await import('../../src/background/rules-updater');

describe('rules source', () => {
  const fetchSpy = vi.fn(async () => new Response('nope', { status: 404 }));
  beforeEach(() => {
    store.clear();
    alarms.clear();
    fetchSpy.mockClear();
    vi.stubGlobal('fetch', fetchSpy);
  });

  it('has no default URL unless the build sets one', () => {
    expect(DEFAULT_RULES_URL).toBe('');
    expect(effectiveConfig({}).rulesUrl).toBe('');
  });

  it('without a URL: no request, no problem recorded, no schedule', async () => {
    alarms.set(CHECK_ALARM, { periodInMinutes: 720 });
    alarms.set(RETRY_ALARM, { delayInMinutes: 5 });
    const config = effectiveConfig({});
    const { status } = await checkRules(config);
    await scheduleChecks(config);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(status).toMatchObject({ url: '', lastError: null, failures: 0, source: 'bundled' });
    expect(alarms.size).toBe(0);
  });

  it('policy rulesUrl still works: it is fetched, and a failure is recorded with a retry', async () => {
    const config = effectiveConfig({ policy: { rulesUrl: 'https://rules.example/v1/rules.json' } });
    const { status } = await checkRules(config);
    await scheduleChecks(config);
    expect(fetchSpy).toHaveBeenCalled();
    expect(status.lastError).toBe('network: 404');
    expect(alarms.has(CHECK_ALARM)).toBe(true);
    expect(alarms.has(RETRY_ALARM)).toBe(true);
  });
});
