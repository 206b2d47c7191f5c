// The popup's "Cover this site": asks for the site's permission, then adds it to the extra sites.
import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, unknown>();
const request = vi.fn();
vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: { request: (...a: unknown[]) => request(...a) },
    storage: {
      local: {
        get: async (key: string) => ({ [key]: storage.get(key) }),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, v);
        },
      },
    },
    i18n: { getMessage: (key: string, subs?: string) => `${key}:${subs ?? ''}` },
    runtime: { sendMessage: vi.fn(), getURL: (p: string) => p },
    tabs: { query: vi.fn(async () => []) },
  },
}));
const { CoverSite } = await import('../../src/popup/Popup');
const { effectiveConfig } = await import('../../src/shared/config');

const status = (patch: object = {}) =>
  ({
    config: { ...effectiveConfig({}), ...patch },
    lock: { hasPin: false, locked: false, forceStrict: false, retryAt: 0, policyLocked: false },
  }) as never;

beforeEach(() => {
  request.mockReset();
  storage.clear();
});

describe('Cover this site', () => {
  it('asks for the permission and adds the site when granted', async () => {
    request.mockResolvedValue(true);
    render(<CoverSite url="https://www.chat.example.org/room/1" status={status()} />);
    screen.getByRole('button', { name: 'popupCoverSite:chat.example.org' }).click();
    await waitFor(() =>
      expect(storage.get('settings')).toMatchObject({ extraSites: ['*://*.chat.example.org/*'] }),
    );
    expect(request).toHaveBeenCalledWith({ origins: ['*://*.chat.example.org/*'] });
  });

  it('adds nothing when the person says no', async () => {
    request.mockResolvedValue(false);
    render(<CoverSite url="https://chat.example.org/" status={status()} />);
    screen.getByRole('button').click();
    await waitFor(() => expect(request).toHaveBeenCalled());
    expect(storage.get('settings')).toBeUndefined();
  });

  it('is not offered for locked or organisation-set settings, or for non-web pages', () => {
    const { container: a } = render(<CoverSite url="https://x.example/" status={status({ locked: true })} />);
    const { container: b } = render(
      <CoverSite url="https://x.example/" status={status({ managed: ['extraSites'] })} />,
    );
    const { container: c } = render(<CoverSite url="about:blank" status={status()} />);
    expect([a, b, c].map((el) => el.innerHTML)).toEqual(['', '', '']);
  });
});
