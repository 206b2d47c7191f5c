// Background entry (service worker in Chrome, event page in Firefox): answers messages, keeps the
// content-script registration in step with rules, settings and policy, and keeps the rules current.
import browser from 'webextension-polyfill';
import { applyCoverage } from './coverage';
import { handlers, onWarningPort } from './handlers';
import { createRouter } from './router';
import { CHECK_ALARM, checkRules, RETRY_ALARM, scheduleChecks } from './rules-updater';
import { closeIfIdle, OFFSCREEN_ALARM } from './smart';
import { currentConfig } from './state';

browser.runtime.onMessage.addListener(createRouter(handlers));
browser.runtime.onConnect.addListener(onWarningPort);

async function sync(): Promise<void> {
  try {
    const { config } = await applyCoverage();
    await scheduleChecks(config);
  } catch (error) {
    console.error('Pausa: could not apply coverage', error);
  }
}

/** Check for new rules, now; if the rules URL changed since the last check, or `force`. */
async function update(force: boolean): Promise<void> {
  try {
    const config = await currentConfig();
    const { rulesUrlChecked } = await browser.storage.local.get('rulesUrlChecked');
    if (!force && rulesUrlChecked === config.rulesUrl) return;
    await browser.storage.local.set({ rulesUrlChecked: config.rulesUrl });
    const { updated } = await checkRules(config);
    if (updated) await applyCoverage();
  } catch (error) {
    console.error('Pausa: rules check failed', error);
  }
}

const start = async (): Promise<void> => {
  await sync();
  await update(true);
};
browser.runtime.onInstalled.addListener(() => void start());
browser.runtime.onStartup.addListener(() => void start());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === CHECK_ALARM || alarm.name === RETRY_ALARM) void update(true);
  if (alarm.name === OFFSCREEN_ALARM) void closeIfIdle();
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('settings' in changes || 'parentLock' in changes)) void sync();
  // Policy can arrive seconds after install (Chromium) or change while running.
  if (area === 'managed') void sync().then(() => update(false));
});
browser.permissions.onAdded.addListener(() => void sync());
browser.permissions.onRemoved.addListener(() => void sync());
// A service worker can also start for a message before onInstalled has run (first install).
void sync();
