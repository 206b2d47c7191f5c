// C8's help panel (SPEC §6.7) and its reader, in happy-dom: the dialog contract in every locale,
// crisis lines first on distress, the buttons, and what the reader reads (text added after load,
// never editable fields, only the named containers, within its budget).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { showPanel } from '../../src/messages/mount';
import { panelTexts } from '../../src/messages/texts';
import { watchMessages } from '../../src/messages/watch';
import { LOCALES } from '../../src/shared/locales';
import type { HelpContacts } from '../../src/shared/messages';
import { captureClosedRoots } from './closed-root';

const messages = (locale: string) =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
const t = (locale: string) => (key: string, subs?: string | string[]) =>
  (messages(locale)[key]?.message ?? '').replace(/\$[A-Z]+\$/, String(subs ?? ''));

const CONTACTS: HelpContacts['contacts'] = [
  {
    id: 'a',
    organization: 'Police',
    service: 'Report online',
    url: 'https://police.example/report',
    phone: null,
    kind: 'police-report',
  },
  {
    id: 'b',
    organization: 'Helpline',
    service: 'Kids line',
    url: null,
    phone: '116 111',
    kind: 'child-helpline',
  },
];

const shadow = captureClosedRoots('pausa-help');
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the help panel', () => {
  it.each(LOCALES)(
    '%s: a non-modal dialog named "Pausa…", every text present, focus untouched',
    async (locale) => {
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
      const shown = showPanel({ texts: panelTexts(t(locale), '112'), contacts: CONTACTS, distress: false });
      await tick();
      const dialog = shadow.root!.querySelector('[role="dialog"]')!;
      expect(dialog.getAttribute('aria-modal')).toBe('false');
      const title = shadow.root!.getElementById('pausa-help-title')!;
      expect(dialog.getAttribute('aria-labelledby')).toBe('pausa-help-title');
      expect(title.textContent).toMatch(/^Pausa/);
      expect(shadow.root!.querySelectorAll('ol li')).toHaveLength(6);
      for (const li of shadow.root!.querySelectorAll('ol li'))
        expect(li.textContent!.length).toBeGreaterThan(10);
      expect(shadow.root!.textContent).toContain('112');
      expect(shadow.root!.querySelector('[role="status"]')!.textContent!.length).toBeGreaterThan(10);
      expect(document.activeElement).toBe(input);
      shadow.root!.querySelector<HTMLButtonElement>('button.close')!.click();
      await expect(shown).resolves.toBe('close');
      expect(document.querySelector('pausa-help')).toBeNull();
      input.remove();
    },
  );

  it('with distress, the crisis line and contacts come before the steps; the buttons answer', async () => {
    const shown = showPanel({ texts: panelTexts(t('en'), null), contacts: CONTACTS, distress: true });
    await tick();
    const order = [...shadow.root!.querySelector('[role="dialog"]')!.children].map(
      (el) => el.className || el.localName,
    );
    expect(order.indexOf('crisis')).toBeLessThan(order.indexOf('ol'));
    expect(shadow.root!.querySelector('a[href="tel:116111"]')).not.toBeNull();
    expect(shadow.root!.textContent).toContain(messages('en').helpEmergencyGeneric!.message);
    shadow.root!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await expect(shown).resolves.toBe('not-threat');
    const again = showPanel({ texts: panelTexts(t('en'), null), contacts: [], distress: false });
    await tick();
    shadow.root!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await expect(again).resolves.toBe('more-help');
  });
});

describe('the reader', () => {
  const add = (parent: Element, text: string, tag = 'div') => {
    const el = document.createElement(tag);
    el.textContent = text;
    parent.append(el);
    return el;
  };

  it('reads text added after load, not editable fields, not its own UI', async () => {
    document.body.innerHTML =
      '<div id="log"></div><div id="composer" contenteditable="true"></div><textarea></textarea>';
    const seen: string[] = [];
    const stop = watchMessages({ onMessage: (text) => seen.push(text) });
    add(document.getElementById('log')!, 'hello there');
    add(document.getElementById('composer')!, 'typed by the person');
    document.querySelector('textarea')!.append(document.createTextNode('typed too'));
    add(document.body, 'inside Pausa', 'pausa-help');
    await tick(200);
    expect(seen).toEqual(['hello there']);
    stop();
  });

  it('editable regions by their attribute: a new editor, nested text, an island, design mode', async () => {
    document.body.innerHTML =
      '<div id="log"></div><div id="editor" contenteditable=""><p id="para"></p>' +
      '<div id="chip" contenteditable="false"></div></div>';
    const seen: string[] = [];
    const stop = watchMessages({ onMessage: (text) => seen.push(text) });
    add(document.getElementById('para')!, 'typed deep inside an editor');
    add(document.getElementById('log')!, 'a new editor of its own', 'div').setAttribute(
      'contenteditable',
      'true',
    );
    add(document.getElementById('chip')!, 'a quoted message, not editable');
    await tick(200);
    // (The new editor is looked at after this task, when it is already editable.)
    expect(seen).toEqual(['a quoted message, not editable']);
    seen.length = 0;
    const editorWithText = document.createElement('div');
    editorWithText.setAttribute('contenteditable', 'plaintext-only');
    editorWithText.textContent = 'typed into a new plain-text editor';
    document.getElementById('log')!.append(editorWithText);
    document.designMode = 'on';
    add(document.getElementById('log')!, 'the whole page is being edited');
    await tick(200);
    expect(seen).toEqual([]);
    document.designMode = 'off';
    stop();
  });

  it('reads what was added before it started (handed over by the content script), once', async () => {
    document.body.innerHTML = '<div id="log"></div>';
    const early = add(document.getElementById('log')!, 'said before the reader loaded');
    const seen: string[] = [];
    const stop = watchMessages({ onMessage: (text) => seen.push(text), early: () => [early] });
    add(document.getElementById('log')!, 'said after');
    await tick(200);
    expect(seen).toEqual(['said before the reader loaded', 'said after']);
    stop();
  });

  it('with containers named, reads only inside them', async () => {
    document.body.innerHTML = '<main class="thread"></main><aside></aside>';
    const seen: string[] = [];
    const stop = watchMessages({ containers: ['.thread'], onMessage: (text) => seen.push(text) });
    add(document.querySelector('.thread')!, 'incoming');
    add(document.querySelector('aside')!, 'an ad');
    await tick(200);
    expect(seen).toEqual(['incoming']);
    stop();
  });

  it('an invalid container selector falls back to all new text, with a reason', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    document.body.innerHTML = '<div></div>';
    const seen: string[] = [];
    const stop = watchMessages({ containers: ['[[['], onMessage: (text) => seen.push(text) });
    add(document.body, 'incoming');
    await tick(200);
    expect(seen).toEqual(['incoming']);
    expect(error).toHaveBeenCalled();
    stop();
  });

  it('a page that is never idle: a flood of 1,500 messages is read in full, in order, in short slices', async () => {
    // Idle time never comes: every callback is the timeout's, with no time remaining (a busy chat,
    // a headless browser). Each message costs the matcher about 20 µs here.
    const waits: number[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (d: object) => void, opts: { timeout: number }) => {
      waits.push(opts.timeout);
      return setTimeout(() => cb({ timeRemaining: () => 0, didTimeout: true }), opts.timeout);
    });
    document.body.innerHTML = '<div id="log"></div>';
    const seen: string[] = [];
    const slices: number[] = [];
    let sliceStart = -1;
    const stop = watchMessages({
      onMessage: (text) => {
        const now = performance.now();
        if (now - sliceStart > 30) slices.push((sliceStart = now));
        while (performance.now() - now < 0.02);
        seen.push(text);
      },
    });
    const log = document.getElementById('log')!;
    try {
      for (let i = 0; i < 1500; i++) add(log, `message ${i}`);
      for (let waited = 0; seen.length < 1500 && waited < 3000; waited += 50) await tick(50);
    } finally {
      vi.unstubAllGlobals();
      stop();
    }
    expect(seen).toEqual(Array.from({ length: 1500 }, (_, i) => `message ${i}`));
    // A backlog is read again soon (50 ms), in slices of about 8 ms: several, not one long task.
    expect(slices.length).toBeGreaterThan(1);
    expect(waits[0]).toBe(50);
  });

  it('gathers a burst: messages added in several tasks close together are read in one slice', async () => {
    const asked: number[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (d: object) => void) => {
      asked.push(performance.now());
      return setTimeout(() => cb({ timeRemaining: () => 8 }), 0);
    });
    document.body.innerHTML = '<div id="log"></div>';
    const seen: string[] = [];
    const stop = watchMessages({ onMessage: (text) => seen.push(text) });
    const log = document.getElementById('log')!;
    try {
      for (let i = 0; i < 5; i++) {
        add(log, `line ${i}`);
        await tick(10);
      }
      await tick(200);
      expect(seen).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
      expect(asked).toHaveLength(1);
      // A later burst is gathered and read on its own.
      add(log, 'later');
      await tick(200);
      expect(seen.at(-1)).toBe('later');
      expect(asked).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
      stop();
    }
  });

  it('stops at its per-page budget', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    document.body.innerHTML = '<div id="log"></div>';
    const seen: string[] = [];
    const stop = watchMessages({ onMessage: (text) => seen.push(text), maxMessages: 3 });
    for (let i = 0; i < 10; i++) add(document.getElementById('log')!, `message ${i}`);
    await tick(250);
    expect(seen).toHaveLength(3);
    add(document.getElementById('log')!, 'later');
    await tick(200);
    expect(seen).toHaveLength(3);
    stop();
  });
});
