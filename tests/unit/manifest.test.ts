// The manifests both browsers get (SPEC §6.1), and that the README justifies every permission.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@crxjs/vite-plugin', () => ({ crx: () => ({ name: 'crx-stub' }) }));
const { manifestFor, bundledPatterns, defines } = await import('../../vite.config');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('manifests', () => {
  const chrome = manifestFor('chrome') as unknown as Record<string, unknown>;
  const firefox = manifestFor('firefox') as unknown as Record<string, unknown> & {
    browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  };

  it('Chrome has a key (stable ID); Firefox a gecko id and minimum version', () => {
    expect(chrome.key).toMatch(/^MII/);
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.key).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko.id).toBe('pausa@pausa-safety.org');
    expect(
      Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version),
    ).toBeGreaterThanOrEqual(128);
  });

  it('ask for the minimum: storage, scripting, alarms, activeTab, and the covered sites', () => {
    // Chrome also needs `offscreen`: smart mode's check runs in an offscreen document.
    expect(chrome.permissions).toEqual(['storage', 'scripting', 'alarms', 'activeTab', 'offscreen']);
    expect(firefox.permissions).toEqual(['storage', 'scripting', 'alarms', 'activeTab']);
    for (const m of [chrome, firefox]) {
      expect(m.host_permissions).not.toContain('<all_urls>');
      expect(m.host_permissions).not.toContain('*://*/*');
      // Other sites (policy, extra sites, rule updates) are asked for when needed.
      expect(m.optional_host_permissions).toEqual(['*://*/*']);
    }
  });

  it('every permission is justified in the README', () => {
    for (const permission of chrome.permissions as string[]) expect(readme).toContain(`\`${permission}\``);
    expect(readme).toContain('host permissions');
    expect(readme).toContain('optional host permission');
  });

  it('the README names the Chrome extension ID', async () => {
    const { CHROME_ID } = await import('../e2e/harness/ids');
    expect(readme).toContain(CHROME_ID);
  });

  it("the README names the organisation build's Chrome ID too", async () => {
    const { CHROME_MANAGED_ID } = await import('../e2e/harness/ids');
    expect(readme).toContain(CHROME_MANAGED_ID);
  });
});

describe('the organisation build (issue #11)', () => {
  const chrome = manifestFor('chrome', 'managed') as unknown as Record<string, unknown>;
  const firefox = manifestFor('firefox', 'managed') as unknown as Record<string, unknown> & {
    browser_specific_settings: { gecko: { id: string } };
  };
  const store = manifestFor('chrome') as unknown as Record<string, unknown>;

  it('every http(s) host is a required permission, so policy sites need no click', () => {
    for (const m of [chrome, firefox]) {
      expect(m.host_permissions).toEqual(['*://*/*']);
      expect(m.optional_host_permissions).toEqual([]);
    }
  });

  it('has its own identity and name, and nothing else differs', () => {
    expect(chrome.key).toMatch(/^MII/);
    expect(chrome.key).not.toBe(store.key);
    expect(firefox.browser_specific_settings.gecko.id).toBe('pausa-managed@pausa-safety.org');
    expect(chrome.name).toBe('__MSG_extNameManaged__');
    const same = (m: Record<string, unknown>) => {
      const { key, name, description, host_permissions, optional_host_permissions, ...rest } = m;
      void [key, name, description, host_permissions, optional_host_permissions];
      return rest;
    };
    expect(same(chrome)).toEqual(same(store));
  });

  it('the content scripts are declared for the bundled sites only, in both builds', () => {
    expect(bundledPatterns()).toEqual(store.host_permissions);
    expect(bundledPatterns()).not.toContain('*://*/*');
  });

  it('the rules URL and key are build-time settings: none by default', () => {
    const saved = { ...process.env };
    try {
      delete process.env.PAUSA_RULES_URL;
      expect(defines('chrome')['import.meta.env.PAUSA_RULES_URL']).toBe('""');
      process.env.PAUSA_RULES_URL = 'https://rules.example/v1/rules.json';
      expect(defines('firefox')['import.meta.env.PAUSA_RULES_URL']).toBe(
        '"https://rules.example/v1/rules.json"',
      );
    } finally {
      process.env = saved;
    }
  });
});
