// Options entry: renders the options page into #app.
import { render } from 'preact';
import '../ui/base.css';
import { Options } from './Options';

document.documentElement.lang = navigator.language;
render(<Options />, document.getElementById('app')!);
