// Privacy policy page entry: renders the policy into #app in the language in force.
import { render } from 'preact';
import '../ui/base.css';
import { t, useLanguage } from '../ui/i18n';
import { Privacy } from './Privacy';
import './privacy.css';

void useLanguage().then((lang) => {
  document.documentElement.lang = lang;
  document.title = `${t('privacyTitle')} · Pausa`;
  render(<Privacy />, document.getElementById('app')!);
});
