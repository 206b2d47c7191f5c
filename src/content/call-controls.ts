// A click on a control that the rules name as "start video call" (SPEC C2): the warning comes
// before the call rings, not only when the camera turns on. Labels are matched as plain phrases
// (../shared/phrases.ts), never by a regular expression from the rules.
import { MAX_LABEL, matchesLabel, type PhraseMatcher } from '../shared/phrases';
import type { CoverageSite } from '../shared/coverage';

const CLICKABLE = 'button, [role="button"], a, [aria-label], [title]';

/** The accessible label of a control, as simply as a person would read it (at most MAX_LABEL). */
export function labelOf(el: Element): string {
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (aria) return aria.slice(0, MAX_LABEL).trim();
  return (el.textContent ?? '')
    .slice(0, MAX_LABEL * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

export interface CompiledControl {
  matcher: PhraseMatcher;
  selector?: string;
}

/** The call control the event's target sits in, if any (looks up at most 6 ancestors). */
export function findCallControl(
  path: readonly EventTarget[],
  controls: readonly CompiledControl[],
): Element | undefined {
  let steps = 0;
  for (const target of path) {
    if (!(target instanceof Element)) continue;
    if (++steps > 6) break;
    if (!target.matches(CLICKABLE)) continue;
    const label = labelOf(target);
    if (!label) continue;
    const hit = controls.some(
      ({ matcher, selector }) => matchesLabel(matcher, label) && (!selector || target.matches(selector)),
    );
    if (hit) return target;
  }
  return undefined;
}

/** Each usable control (the background expanded the labels); one whose selector is not CSS, or
 * that is malformed, is left out with its reason in the console, so a bad rule never throws inside
 * the click listener. */
export function compileControls(controls: CoverageSite['callControls']): CompiledControl[] {
  const probe = document.createDocumentFragment();
  return controls.flatMap(({ phrases, start, end, selector }) => {
    try {
      if (!Array.isArray(phrases)) throw new Error('no phrases');
      if (selector) probe.querySelector(selector);
      return [{ matcher: { phrases, start, end }, ...(selector ? { selector } : {}) }];
    } catch (error) {
      console.warn('Pausa: a call control from the rules is not used:', selector, error);
      return [];
    }
  });
}
