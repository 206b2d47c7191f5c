// The panel's words, from the extension's _locales: its own keys plus the help page's steps
// (victim-guidance.json): don't pay, stop replying, save evidence, report and block, get images
// taken down, talk to someone.
import type { PanelTexts } from './Panel';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function panelTexts(t: GetMessage, emergency: string | null): PanelTexts {
  return {
    title: t('extortionTitle'),
    intro: t('extortionIntro'),
    steps: [1, 2, 3, 4, 5, 7].map((n) => t(`helpStep${n}`)),
    crisis: t('extortionCrisis'),
    emergency: emergency ? t('helpEmergency', emergency) : t('helpEmergencyGeneric'),
    privacy: t('extortionPrivacy'),
    notThreat: t('extortionNotThreat'),
    close: t('extortionClose'),
    moreHelp: t('extortionMoreHelp'),
    announce: t('extortionAnnounce'),
  };
}
