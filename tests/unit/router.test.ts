// The message protocol: every request type has a handler; requests are validated; a content
// script (a sender with a page URL) cannot use extension-page messages.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'pausa-id', getURL: (p: string) => `chrome-extension://pausa-id/${p}` } },
}));

const { createRouter } = await import('../../src/background/router');
const { requests, contentMessages } = await import('../../src/shared/messages');

const page = { id: 'pausa-id', url: 'chrome-extension://pausa-id/src/options/index.html' };
const contentScript = { id: 'pausa-id', url: 'https://www.instagram.com/', tab: { id: 3 } };

function router() {
  const calls: string[] = [];
  const handler = (name: string) => async () => {
    calls.push(name);
    return { ok: true } as never;
  };
  const handlers = Object.fromEntries(Object.keys(requests).map((k) => [k, handler(k)]));
  return { calls, route: createRouter(handlers as never, 'chrome-extension://pausa-id/') };
}

describe('router', () => {
  it('rejects malformed messages with a reason', async () => {
    const { route, calls } = router();
    expect(await route({ type: 'decide', share: { kind: 'nudes' } }, contentScript as never)).toMatchObject({
      error: expect.stringContaining('bad message'),
    });
    expect(await route('hello', contentScript as never)).toMatchObject({ error: expect.any(String) });
    expect(calls).toEqual([]);
  });

  it('lets a content script use only the content messages', async () => {
    const { route, calls } = router();
    expect(await route({ type: 'ping' }, contentScript as never)).toEqual({ ok: true });
    expect(await route({ type: 'getTabStatus', tabId: 1 }, contentScript as never)).toMatchObject({
      error: expect.stringContaining('only for extension pages'),
    });
    expect(await route({ type: 'getTabStatus', tabId: 1 }, page as never)).toEqual({ ok: true });
    expect(calls).toEqual(['ping', 'getTabStatus']);
  });

  it('ignores other extensions', async () => {
    const { route } = router();
    expect(await route({ type: 'ping' }, { id: 'someone-else', url: page.url } as never)).toMatchObject({
      error: 'unknown sender',
    });
  });

  it('turns a handler failure into an error reply', async () => {
    const route = createRouter(
      {
        ...Object.fromEntries(Object.keys(requests).map((k) => [k, async () => ({})])),
        ping: async () => {
          throw new Error('boom');
        },
      } as never,
      'chrome-extension://pausa-id/',
    );
    expect(await route({ type: 'ping' }, page as never)).toMatchObject({
      error: expect.stringContaining('boom'),
    });
  });

  it('a frame hands its warning to the top frame only as a whole, decided plan (warnInTop)', async () => {
    const { route, calls } = router();
    const share = { kind: 'files', via: 'input', files: [{ name: 'a.jpg', type: 'image/jpeg', size: 1 }] };
    const plan = { warn: true, allowContinue: false, continueDelaySeconds: 10, mode: 'strict', ticket: 4 };
    for (const bad of [
      { ...plan, ticket: undefined },
      { ...plan, warn: false },
      { ...plan, continueDelaySeconds: -1 },
    ])
      expect(await route({ type: 'warnInTop', share, plan: bad }, contentScript as never)).toMatchObject({
        error: expect.stringContaining('bad message'),
      });
    expect(calls).toEqual([]);
    expect(await route({ type: 'warnInTop', share, plan }, contentScript as never)).toEqual({ ok: true });
    expect(calls).toEqual(['warnInTop']);
  });

  it('every content message exists in the protocol', () => {
    for (const type of contentMessages) expect(Object.keys(requests)).toContain(type);
  });
});
