// Help page entry ("I'm being threatened"): renders the help page into #app.
import { render } from 'preact';
import '../ui/base.css';
import { t, useLanguage } from '../ui/i18n';
import { Help } from './Help';

void useLanguage().then((lang) => {
  document.documentElement.lang = lang;
  document.title = `${t('helpTitle')} · Pausa`;
  render(<Help />, document.getElementById('app')!);
});
