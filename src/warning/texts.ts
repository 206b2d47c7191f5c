// The warning's words, from the extension's _locales (browser.i18n).
import type { ShareRequest, WarningPlan } from '../shared/messages';
import type { Texts } from './Warning';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function warningTexts(
  kind: ShareRequest['kind'],
  t: GetMessage,
  reason?: WarningPlan['reason'],
): Texts {
  const camera = kind !== 'files';
  const prefix = kind === 'files' ? 'warningFiles' : kind === 'screen' ? 'warningScreen' : 'warningCamera';
  return {
    title: t(`${prefix}Title`),
    // Smart mode says why it asks: the check on this device, never an accusation.
    ...(reason && !camera
      ? { why: t(reason === 'intimate' ? 'warningWhyIntimate' : 'warningWhyUnsure') }
      : {}),
    points: [1, 2, 3, 4].map((n) => t(`${prefix}Point${n}`)).filter(Boolean),
    goBack: t('warningGoBack'),
    continueAnyway: t('warningContinue'),
    getHelp: t('warningGetHelp'),
    continueIn: (seconds) => t('warningContinueIn', String(seconds)),
  };
}
