// Whether a share gets the warning, and what shape the warning takes (SPEC §4). Pure.
import type { Config } from './config';
import type { ShareRequest, WarningPlan } from './messages';

export function decide(
  share: ShareRequest,
  config: Pick<Config, 'mode' | 'allowContinue' | 'continueDelaySeconds'> & { language?: string },
): WarningPlan {
  const { mode } = config;
  return {
    // In smart mode this is the first step: the files' check and the camera's once a day follow
    // in ./smart-decide.ts.
    // Screen sharing shows whatever is on screen: a strict setting (a parent's, a school's) covers
    // it; the other modes leave it alone.
    warn:
      mode !== 'off' &&
      (share.kind === 'screen' ? mode === 'strict' : share.kind !== 'files' || share.files.length > 0),
    allowContinue: config.allowContinue,
    continueDelaySeconds: config.continueDelaySeconds,
    mode,
    language: config.language ?? 'auto',
  };
}
