// Issue #10 item 4: a managed-storage file a child can write (Firefox reads one from the user's
// home folder) cannot loosen a parental lock; it may only make Pausa stricter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sendFromPage, type Session } from './harness/browsers';
import { writeUserManagedStorage } from './harness/policy';
import { startServer, type FixtureServer } from './harness/server';
import { answer, waitForReceived, warningHostCount } from './harness/warning';

type Status = { policyProblems: string[]; config: { mode: string }; lock: { locked: boolean } };

describe('firefox: a user-level policy file under a parental lock', () => {
  let session: Session;
  let server: FixtureServer;
  let undo: () => void = () => undefined;

  beforeAll(async () => {
    server = await startServer();
    undo = writeUserManagedStorage({ mode: 'off' });
    session = await launch('firefox');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    undo();
  });

  const camera = async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.click('#camera');
    return page;
  };

  it('without a lock, the file applies (so it is being read)', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    expect((await sendFromPage<Status>(options, { type: 'getStatus' })).config.mode).toBe('off');
    await options.close();
    const page = await camera();
    expect((await waitForReceived(page, 1))[0]).toMatchObject({ event: 'resolved' });
    expect(await warningHostCount(page)).toBe(0);
    await page.close();
  });

  it('with the parent lock on, "mode: off" is ignored with its reason, and the warning is back', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    expect(await sendFromPage(options, { type: 'setPin', pin: '2468' })).toMatchObject({ ok: true });
    expect(await sendFromPage(options, { type: 'lock', forceStrict: false })).toMatchObject({ ok: true });
    const status = await sendFromPage<Status>(options, { type: 'getStatus' });
    expect(status.lock.locked).toBe(true);
    expect(status.config.mode).toBe('every-share');
    expect(status.policyProblems).toContain(
      'policy mode: ignored while the parental lock is on (it would loosen it)',
    );
    await options.close();
    const page = await camera();
    await answer(page, 'back');
    expect((await waitForReceived(page, 1))[0]).toMatchObject({ event: 'rejected' });
    await page.close();
  });
});
