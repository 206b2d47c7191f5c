// Options entry: renders the options page into #app.
import { render } from 'preact';
import '../ui/base.css';
import { useLanguage } from '../ui/i18n';
import { Options } from './Options';

void useLanguage().then((lang) => {
  document.documentElement.lang = lang;
  render(<Options />, document.getElementById('app')!);
});
