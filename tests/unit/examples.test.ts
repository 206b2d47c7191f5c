// The deployment examples in examples/policies/ are real: every Pausa setting in them passes the
// same validation the extension applies, and each names the right extension ID.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/shared/policy';
import { CHROME_ID, CHROME_MANAGED_ID, GECKO_ID, GECKO_MANAGED_ID } from '../e2e/harness/ids';

const read = (path: string) =>
  readFileSync(new URL(`../../examples/policies/${path}`, import.meta.url), 'utf8');
const clean = (raw: unknown) => {
  const { policy, problems } = readPolicy(raw);
  expect(problems).toEqual([]);
  return policy;
};

describe('examples/policies', () => {
  const linux = JSON.parse(read('chrome-linux/pausa.json'));
  const reference = clean(linux['3rdparty'].extensions[CHROME_ID]);
  // The Linux example also shows an (empty) disabledSites list; the others leave it out.
  const withoutDisabledSites = Object.fromEntries(
    Object.entries(reference).filter(([key]) => key !== 'disabledSites'),
  );

  it('Chrome on Linux: force-installed, and a valid Pausa policy', () => {
    expect(linux.ExtensionSettings[CHROME_ID].installation_mode).toBe('force_installed');
    expect(reference.mode).toBe('strict');
    expect(reference.extraResources?.[0]?.name).toBeTruthy();
  });

  it('Firefox policies.json: force-installed, allowed in private windows, the same settings', () => {
    const firefox = JSON.parse(read('firefox/policies.json')).policies;
    expect(firefox.ExtensionSettings[GECKO_ID]).toMatchObject({
      installation_mode: 'force_installed',
      private_browsing: true,
    });
    const policy = clean(firefox['3rdparty'].Extensions[GECKO_ID]);
    expect(policy).toEqual(withoutDisabledSites);
  });

  it('Google Admin console: the same settings, each wrapped in {"Value": …}', () => {
    const admin = JSON.parse(read('google-admin/pausa-policy.json')) as Record<string, { Value: unknown }>;
    const policy = clean(Object.fromEntries(Object.entries(admin).map(([k, v]) => [k, v.Value])));
    expect(policy).toEqual(withoutDisabledSites);
  });

  it('Windows registry: force-install and the same values under 3rdparty\\extensions\\<id>\\policy', () => {
    const reg = read('windows/pausa.reg');
    expect(reg).toContain(`3rdparty\\extensions\\${CHROME_ID}\\policy]`);
    expect(reg).toContain(`\\"${CHROME_ID}\\": {\\"installation_mode\\": \\"force_installed\\"`);
    const section = reg.split(`${CHROME_ID}\\policy]`)[1]!.split('[')[0]!;
    const values: Record<string, unknown> = {};
    for (const [, key, str, dword] of section.matchAll(/^"(\w+)"=(?:"([^"]*)"|dword:([0-9a-f]{8}))\r?$/gm)) {
      values[key!] =
        str ??
        (key === 'locked' || key === 'allowContinue' ? parseInt(dword!, 16) === 1 : parseInt(dword!, 16));
    }
    expect(clean(values)).toMatchObject({
      mode: 'strict',
      locked: true,
      continueDelaySeconds: 10,
      country: 'PT',
    });
  });

  it('macOS configuration profile: a com.google.Chrome.extensions.<id> payload with the same keys', () => {
    const plist = read('macos/pausa.mobileconfig');
    expect(plist).toContain(`<string>com.google.Chrome.extensions.${CHROME_ID}</string>`);
    const payload = plist.split(`com.google.Chrome.extensions.${CHROME_ID}`)[1]!;
    for (const key of [
      'mode',
      'locked',
      'allowContinue',
      'continueDelaySeconds',
      'country',
      'language',
      'extraResources',
    ]) {
      expect(payload).toContain(`<key>${key}</key>`);
    }
  });

  it('every example gives the organisation build (its own IDs) the same settings', () => {
    expect(clean(linux['3rdparty'].extensions[CHROME_MANAGED_ID])).toEqual(reference);
    const firefox = JSON.parse(read('firefox/policies.json')).policies;
    expect(clean(firefox['3rdparty'].Extensions[GECKO_MANAGED_ID])).toEqual(withoutDisabledSites);
    for (const file of ['windows/pausa.reg', 'edge-windows/pausa.reg'])
      expect(read(file)).toContain(`3rdparty\\extensions\\${CHROME_MANAGED_ID}\\policy]`);
    expect(read('macos/pausa.mobileconfig')).toContain(`com.google.Chrome.extensions.${CHROME_MANAGED_ID}`);
  });

  it('the organisation example force-installs the organisation build from your own host, with policy sites', () => {
    const org = JSON.parse(read('chrome-linux/pausa-organisation.json'));
    expect(org.ExtensionSettings[CHROME_MANAGED_ID]).toMatchObject({ installation_mode: 'force_installed' });
    expect(org.ExtensionSettings[CHROME_ID]).toBeUndefined();
    for (const id of [CHROME_ID, CHROME_MANAGED_ID]) {
      const policy = clean(org['3rdparty'].extensions[id]);
      expect(policy.extraSites).toContain('*://intranet.example.edu/*');
      expect(policy.allowContinue).toBe(false);
    }
  });

  it("Microsoft Edge: the same registry values under Edge's own root", () => {
    const reg = read('edge-windows/pausa.reg');
    expect(reg).toContain('HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge]');
    expect(reg).not.toContain('Google\\Chrome');
    expect(reg).toContain(`3rdparty\\extensions\\${CHROME_ID}\\policy]`);
  });
});
