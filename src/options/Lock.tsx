// The parental lock on the options page: set a PIN, lock (optionally forcing strict mode),
// unlock; wrong PINs wait, and the page says until when. Hidden when policy locks everything.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { LockStatus, Reply } from '../shared/messages';
import { MIN_PIN_LENGTH } from '../shared/lock';
import { t } from '../ui/i18n';

const send = async <T,>(message: object) => (await browser.runtime.sendMessage(message)) as T;

export function Lock({ lock, onChange }: { lock: LockStatus; onChange: () => void }) {
  const [pin, setPin] = useState('');
  const [forceStrict, setForceStrict] = useState(true);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (lock.policyLocked) return null;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
      setPin('');
      onChange();
    }
  };
  const setNewPin = () =>
    run(async () => {
      if (pin.length < MIN_PIN_LENGTH) return setMessage(t('lockTooShort'));
      const reply = await send<Reply<'setPin'>>({ type: 'setPin', pin });
      setMessage('error' in reply || !reply.ok ? t('lockTooShort') : t('lockPinSet'));
    });
  const tryPin = (remove: boolean) =>
    run(async () => {
      const reply = await send<Reply<'unlock'>>({ type: 'unlock', pin, remove });
      if ('error' in reply) return setMessage(reply.error);
      setMessage(reply.ok ? '' : reply.retryAt > Date.now() ? waitText(reply.retryAt) : t('lockWrong'));
    });
  const lockNow = () => run(async () => void (await send({ type: 'lock', forceStrict })));

  const pinField = (
    <label class="field">
      {t('lockPinLabel')}
      <input
        type="password"
        name="pin"
        autocomplete="off"
        inputMode="numeric"
        value={pin}
        onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
  return (
    <section
      class="card"
      aria-labelledby="lock-title"
      data-lock={lock.locked ? 'locked' : lock.hasPin ? 'pin' : 'none'}
    >
      <h2 id="lock-title">{t('lockTitle')}</h2>
      {lock.locked ? (
        <form onSubmit={(e) => (e.preventDefault(), void tryPin(false))}>
          <p>{t('lockLocked')}</p>
          {pinField}
          <button type="submit" class="button" disabled={busy}>
            {t('lockUnlock')}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void setNewPin())}>
          <p>{t('lockExplain')}</p>
          {pinField}
          <button type="submit" class="button" disabled={busy}>
            {t('lockSetPin')}
          </button>
          {lock.hasPin && (
            <>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={forceStrict}
                  onChange={(e) => setForceStrict((e.currentTarget as HTMLInputElement).checked)}
                />
                {t('lockForceStrict')}
              </label>
              <button type="button" class="button" name="lock" disabled={busy} onClick={() => void lockNow()}>
                {t('lockNow')}
              </button>
              <button type="button" class="link-button" disabled={busy} onClick={() => void tryPin(true)}>
                {t('lockRemovePin')}
              </button>
            </>
          )}
        </form>
      )}
      <p role="status" aria-live="polite" data-lock-message>
        {lock.retryAt > Date.now() ? waitText(lock.retryAt) : message}
      </p>
      <p class="muted">{t('lockForgot')}</p>
      <p class="muted">{t('lockLimits')}</p>
    </section>
  );
}

const waitText = (retryAt: number) => t('lockWait', new Date(retryAt).toLocaleTimeString());
