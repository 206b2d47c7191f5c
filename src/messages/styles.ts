// The panel's styles, inside its closed shadow root. Light and dark, AA contrast in both.
export const hostStyle =
  'all:initial !important;position:fixed !important;inset:auto 16px 16px auto !important;' +
  'margin:0 !important;padding:0 !important;border:0 !important;background:transparent !important;' +
  'overflow:visible !important;z-index:2147483647 !important;display:block !important;' +
  'width:min(26rem, calc(100vw - 32px)) !important;max-height:calc(100vh - 32px) !important;';

export const css = `
:host { color-scheme: light dark; }
.panel {
  box-sizing: border-box; max-height: calc(100vh - 32px); overflow: auto; padding: 18px 20px;
  border-radius: 14px; border: 2px solid #2f5bd3;
  background: #ffffff; color: #1d2330;
  box-shadow: 0 10px 32px rgba(0, 0, 0, 0.28);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.head { display: flex; align-items: flex-start; gap: 8px; }
h2 { flex: 1; margin: 0 0 8px; font-size: 1.12rem; line-height: 1.3; font-weight: 650; }
p { margin: 0 0 10px; }
ol, ul { margin: 0 0 10px; padding-left: 1.3em; }
li { margin: 0 0 4px; }
.emergency, .crisis { font-weight: 600; }
.privacy { font-size: 0.9rem; color: #454c5a; }
a { color: #1f4fbf; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button {
  font: inherit; font-weight: 600; border-radius: 10px; padding: 8px 14px; cursor: pointer;
  border: 2px solid transparent; min-height: 44px;
}
button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.primary { background: #2f5bd3; color: #ffffff; }
.secondary { background: transparent; color: #1d2330; border-color: #6b7384; }
.close { background: transparent; color: #1d2330; min-width: 44px; padding: 0; font-size: 1.5rem; line-height: 1; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1d2330; color: #f1f3f7; border-color: #8fb0ff; }
  .privacy { color: #c3c8d2; }
  a { color: #a9c1ff; }
  .primary { background: #8fb0ff; color: #10131a; }
  .secondary, .close { color: #f1f3f7; border-color: #9aa2b1; }
  .close { border-color: transparent; }
}
`;
