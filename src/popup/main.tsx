// Popup entry: renders the popup into #app.
import { render } from 'preact';
import '../ui/base.css';
import { useLanguage } from '../ui/i18n';
import { Popup } from './Popup';

void useLanguage().then((lang) => {
  document.documentElement.lang = lang;
  render(<Popup />, document.getElementById('app')!);
});
