// The manifests both browsers get (SPEC §6.1), and that the README justifies every permission.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@crxjs/vite-plugin', () => ({ crx: () => ({ name: 'crx-stub' }) }));
const { manifestFor } = await import('../../vite.config');
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
});
