// Smart mode's line in the warning: why it appeared, from the locale files, and only for files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showWarning } from '../../src/warning/mount';
import { warningTexts } from '../../src/warning/texts';
import { LOCALES } from '../../src/shared/locales';
import { captureClosedRoots } from './closed-root';

const messages = (locale: string) =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
const t = (locale: string) => (key: string) => messages(locale)[key]?.message ?? '';

const shadow = captureClosedRoots('pausa-warning');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(reason?: 'intimate' | 'unsure', kind: 'files' | 'camera' = 'files') {
  // One warning at a time, as in a page.
  document.querySelectorAll('pausa-warning').forEach((el) => el.remove());
  await tick();
  void showWarning({
    kind,
    texts: warningTexts(kind, t('en'), reason),
    allowContinue: true,
    continueDelaySeconds: 0,
    onHelp: () => undefined,
  });
  await tick();
  return shadow.root!.querySelector('[role="alertdialog"]')!;
}

describe('the warning in smart mode', () => {
  it('"may be intimate": the line comes after the title and is part of the description', async () => {
    const dialog = await render('intimate');
    const why = dialog.querySelector('#pausa-why')!;
    expect(why.textContent).toBe('The check on this device thinks this photo or video may be intimate.');
    expect(dialog.getAttribute('aria-describedby')).toBe('pausa-why pausa-points');
    expect(dialog.querySelector('h2')!.nextElementSibling).toBe(why);
  });

  it('"could not check": its own line', async () => {
    const dialog = await render('unsure');
    expect(dialog.querySelector('#pausa-why')!.textContent).toBe(
      'Pausa could not check this file on this device, so it asks you to pause.',
    );
  });

  it('no line outside smart mode, and none for the camera', async () => {
    const plain = await render(undefined);
    expect(plain.querySelector('#pausa-why')).toBeNull();
    expect(plain.getAttribute('aria-describedby')).toBe('pausa-points');
    expect((await render('unsure', 'camera')).querySelector('#pausa-why')).toBeNull();
  });

  it('every locale has both lines, each one short sentence', () => {
    for (const locale of LOCALES) {
      for (const key of ['warningWhyIntimate', 'warningWhyUnsure']) {
        const line = t(locale)(key);
        expect(line, `${locale} ${key}`).not.toBe('');
        expect(line.length, `${locale} ${key}`).toBeLessThan(120);
      }
    }
  });
});
