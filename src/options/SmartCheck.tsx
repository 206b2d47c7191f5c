// Smart mode on the options page (SPEC C9): what it does in two sentences, how readily it warns,
// and a way to try the check on one's own photo — on this device, nothing kept or sent.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Reply } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { Sensitivity } from '../shared/smart';
import { t } from '../ui/i18n';

const LABELS: Record<Sensitivity, string> = {
  low: 'sensitivityLow',
  standard: 'sensitivityStandard',
  high: 'sensitivityHigh',
};

export function SmartCheck(props: {
  settings: Settings;
  sensitivity: Sensitivity;
  disabled: boolean;
  managed: boolean;
  onSave: (next: Settings) => void;
}) {
  const { settings, disabled, onSave } = props;
  const [result, setResult] = useState<string>('');
  const [busy, setBusy] = useState(false);

  const tryFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setResult('');
    try {
      const reply = (await browser.runtime.sendMessage({
        type: 'checkImages',
        data: Array.from(files).slice(0, 20),
      })) as Reply<'checkImages'>;
      if ('error' in reply) throw new Error(reply.error);
      const scores = reply.results.flatMap(({ check }) => ('score' in check ? [check.score] : []));
      const verdict = !reply.warn
        ? 'tryCheckQuiet'
        : reply.reason === 'intimate'
          ? 'tryCheckWarn'
          : 'tryCheckUnsure';
      const score = scores.length
        ? ` ${t('tryCheckScore', [Math.max(...scores).toFixed(2), reply.threshold.toFixed(2)])}`
        : '';
      setResult(`${t(verdict)}${score}`);
    } catch (error) {
      console.error('Pausa: the check could not run', error);
      setResult(t('tryCheckUnsure'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>{t('optionsSmartTitle')}</legend>
      <p>{t('optionsSmartAbout')}</p>
      <label class="field">
        {t('optionsSensitivity')}
        {props.managed && <span class="managed">{t('setByOrganization')}</span>}
        <select
          name="sensitivity"
          disabled={disabled}
          value={props.sensitivity}
          onChange={(e) =>
            onSave({ ...settings, sensitivity: (e.currentTarget as HTMLSelectElement).value as Sensitivity })
          }
        >
          {Sensitivity.options.map((level) => (
            <option key={level} value={level}>
              {t(LABELS[level])}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('optionsTryCheck')}
        <input
          type="file"
          name="try-check"
          accept="image/*,video/*"
          multiple
          onChange={(e) => void tryFiles((e.currentTarget as HTMLInputElement).files)}
        />
      </label>
      <p role="status" data-try-check aria-busy={busy ? 'true' : 'false'}>
        {result}
      </p>
    </fieldset>
  );
}
