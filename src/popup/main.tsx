// Popup entry: renders the popup into #app.
import { render } from 'preact';
import '../ui/base.css';
import { Popup } from './Popup';

document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app')!);
