// A list of help resources: name (a link only when its URL was confirmed), what it is for, who
// it serves, a tel: link, and — on the help page — its sources and when they were checked.
import type { HelpResource } from '../shared/resources';
import { telHref } from '../shared/resources';
import { t } from './i18n';

const KIND_KEYS: Record<string, string> = {
  'police-report': 'kindPoliceReport',
  'child-helpline': 'kindChildHelpline',
  'image-removal': 'kindImageRemoval',
  'victim-support': 'kindVictimSupport',
  guidance: 'kindGuidance',
  'hotline-phone': 'kindHotlinePhone',
  organization: 'kindOrganization',
};

export function Resources({ list, details = false }: { list: HelpResource[]; details?: boolean }) {
  return (
    <ul class="resources">
      {list.map((r) => {
        const tel = r.phone ? telHref(r.phone) : null;
        const name = r.service === r.organization ? r.service : `${r.service} — ${r.organization}`;
        return (
          <li key={r.id} class="resource" data-resource-country={r.country} data-serves={r.serves}>
            <p class="resource-name">
              {r.url ? (
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {name}
                </a>
              ) : (
                name
              )}
            </p>
            <p class="resource-meta">
              {r.fromOrganization ? t('fromOrganization') : t(KIND_KEYS[r.kind] ?? 'kindGuidance')}
              {r.serves === 'minors' && ` · ${t('serveMinors')}`}
              {r.serves === 'adults' && ` · ${t('serveAdults')}`}
            </p>
            {r.phone &&
              (tel ? (
                <p>
                  <a class="phone" href={tel}>
                    {r.phone}
                  </a>
                  {r.hours && <span class="muted"> · {r.hours}</span>}
                </p>
              ) : (
                <p>{r.phone}</p>
              ))}
            {details && r.description && <p class="muted">{r.description}</p>}
            {details && r.source.length > 0 && (
              <details>
                <summary>
                  {t('helpSources')} ({t('helpChecked', r.checked)})
                </summary>
                <ul>
                  {r.source.map((s) => (
                    <li key={s}>
                      <a href={s} target="_blank" rel="noopener noreferrer">
                        {s}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
