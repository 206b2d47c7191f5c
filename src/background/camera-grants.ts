// After Continue on a "start video call" control, the call's own camera request that follows
// in the same tab does not warn a second time. Kept in storage.session: it survives the service
// worker stopping, not the browser closing.
import browser from 'webextension-polyfill';

const KEY = 'cameraGrants';
export const GRANT_SECONDS = 60;

type Grants = Record<string, number>;

async function read(): Promise<Grants> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return stored && typeof stored === 'object' ? (stored as Grants) : {};
}

export async function grantCamera(tabId: number, now = Date.now()): Promise<void> {
  const grants = await read();
  grants[tabId] = now + GRANT_SECONDS * 1000;
  await browser.storage.session.set({ [KEY]: grants });
}

/** True (once) if the tab has a fresh grant. */
export async function takeCameraGrant(tabId: number, now = Date.now()): Promise<boolean> {
  const { [tabId]: until, ...rest } = await read();
  if (until === undefined) return false;
  await browser.storage.session.set({ [KEY]: rest });
  return until > now;
}
