// The warning itself (SPEC C3, §6.2): calm, short, two choices. Go back is first and focused;
// Continue anyway is the next Tab stop; Get help comes last and does not answer the warning.
import { useEffect, useState } from 'preact/hooks';
import type { ShareRequest } from '../shared/messages';

export interface Texts {
  title: string;
  /** Smart mode: why the warning appeared. */
  why?: string;
  points: string[];
  goBack: string;
  continueAnyway: string;
  getHelp: string;
  continueIn: (seconds: number) => string;
}

export interface WarningProps {
  kind: ShareRequest['kind'];
  texts: Texts;
  allowContinue: boolean;
  continueDelaySeconds: number;
  onAnswer: (go: boolean) => void;
  onHelp: () => void;
}

export function Warning(props: WarningProps) {
  const { texts, allowContinue, onAnswer, onHelp } = props;
  const [wait, setWait] = useState(Math.max(0, Math.ceil(props.continueDelaySeconds)));

  // Go back takes focus in mount.ts, synchronously as the dialog opens. A focus() here, in an
  // effect (which runs a frame later), would pull focus back from Continue if Tab came first.
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  // Only the person's own input answers: the page can dispatch events at us, never trusted ones.
  const trusted = (fn: () => void) => (event: Event) => {
    if (event.isTrusted) fn();
  };

  return (
    // A <dialog> that mount.ts opens with showModal(): in the top layer, above a page's own modal
    // dialog, popover or fullscreen screen, and the one part of the page that is not inert.
    <dialog
      class="backdrop"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="pausa-title"
      aria-describedby={texts.why ? 'pausa-why pausa-points' : 'pausa-points'}
    >
      <div class="dialog">
        <div class="mark" aria-hidden="true">
          <span />
          <span />
        </div>
        <h2 id="pausa-title">{texts.title}</h2>
        {texts.why && (
          <p id="pausa-why" class="why">
            {texts.why}
          </p>
        )}
        <ul id="pausa-points">
          {texts.points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <div class="actions">
          <button class="primary" type="button" onClick={trusted(() => onAnswer(false))}>
            {texts.goBack}
          </button>
          {allowContinue && (
            <button
              class="secondary"
              type="button"
              aria-disabled={wait > 0 ? 'true' : undefined}
              aria-describedby={wait > 0 ? 'pausa-wait' : undefined}
              onClick={trusted(() => wait <= 0 && onAnswer(true))}
            >
              {texts.continueAnyway}
            </button>
          )}
          <button class="link" type="button" onClick={trusted(onHelp)}>
            {texts.getHelp}
          </button>
        </div>
        {allowContinue && wait > 0 && (
          <p id="pausa-wait" class="wait" aria-live="polite">
            {texts.continueIn(wait)}
          </p>
        )}
      </div>
    </dialog>
  );
}
