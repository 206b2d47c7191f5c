// C8's help panel: what to do now, and who to call, for someone who has just been threatened.
// Non-modal (SPEC §6.7): role="dialog", aria-modal="false", named "Pausa…", never takes focus.
import type { HelpContacts } from '../shared/messages';
import { telHref } from '../shared/resources';

export interface PanelTexts {
  title: string;
  intro: string;
  steps: string[];
  crisis: string;
  emergency: string;
  privacy: string;
  notThreat: string;
  close: string;
  moreHelp: string;
  announce: string;
}

export interface PanelProps {
  texts: PanelTexts;
  contacts: HelpContacts['contacts'];
  /** Crisis lines first, with their own line above them. */
  distress: boolean;
  onClose: () => void;
  onNotThreat: () => void;
  onMoreHelp: () => void;
}

export function Panel({ texts, contacts, distress, onClose, onNotThreat, onMoreHelp }: PanelProps) {
  const contactList = (
    <ul class="contacts">
      {contacts.map((c) => {
        const tel = c.phone ? telHref(c.phone) : null;
        return (
          <li key={c.id}>
            <strong>{c.service}</strong>
            {c.organization !== c.service ? ` (${c.organization})` : ''}
            {c.phone ? (
              <>
                {' · '}
                {tel ? <a href={tel}>{c.phone}</a> : c.phone}
              </>
            ) : null}
            {c.url ? (
              <>
                {' · '}
                <a href={c.url} target="_blank" rel="noopener noreferrer">
                  {new URL(c.url).hostname.replace(/^www\./, '')}
                </a>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <section class="panel" role="dialog" aria-modal="false" aria-labelledby="pausa-help-title">
      <div class="head">
        <h2 id="pausa-help-title">{texts.title}</h2>
        <button type="button" class="close" aria-label={texts.close} title={texts.close} onClick={onClose}>
          ×
        </button>
      </div>
      <p class="emergency">{texts.emergency}</p>
      {distress && contacts.length ? (
        <>
          <p class="crisis">{texts.crisis}</p>
          {contactList}
        </>
      ) : null}
      <p>{texts.intro}</p>
      <ol>
        {texts.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {!distress && contacts.length ? contactList : null}
      <p class="privacy">{texts.privacy}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onMoreHelp}>
          {texts.moreHelp}
        </button>
        <button type="button" class="secondary" onClick={onNotThreat}>
          {texts.notThreat}
        </button>
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {texts.announce}
      </p>
    </section>
  );
}
