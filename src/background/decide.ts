// Whether a share gets the warning, and what shape the warning takes (SPEC §4). Pure.
import type { ShareRequest, WarningPlan } from '../shared/messages';
import type { Settings } from '../shared/settings';

export function decide(share: ShareRequest, settings: Settings): WarningPlan {
  const { mode } = settings;
  const strict = mode === 'strict';
  return {
    // `smart` needs the on-device image check (C9); until it exists it warns like every-share.
    warn: mode !== 'off' && (share.kind !== 'files' || share.files.length > 0),
    allowContinue: true,
    continueDelaySeconds: strict ? 10 : 0,
    mode,
  };
}
