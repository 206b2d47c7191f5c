// A click on a control that the rules name as "start video call" (SPEC C2): the warning comes
// before the call rings, not only when the camera turns on.
import type { CallControl } from '../shared/rules';

const CLICKABLE = 'button, [role="button"], a, [aria-label], [title]';

/** The accessible label of a control, as simply as a person would read it. */
export function labelOf(el: Element): string {
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (aria) return aria.trim();
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** The call control the event's target sits in, if any (looks up at most 6 ancestors). */
export function findCallControl(
  path: readonly EventTarget[],
  controls: ReadonlyArray<{ re: RegExp; selector?: string }>,
): Element | undefined {
  let steps = 0;
  for (const target of path) {
    if (!(target instanceof Element)) continue;
    if (++steps > 6) break;
    if (!target.matches(CLICKABLE)) continue;
    const label = labelOf(target);
    if (!label) continue;
    const hit = controls.some(
      ({ re, selector }) => re.test(label) && (!selector || target.matches(selector)),
    );
    if (hit) return target;
  }
  return undefined;
}

export const compileControls = (controls: readonly CallControl[]) =>
  controls.map(({ label, selector }) => ({ re: new RegExp(label, 'iu'), selector }));
