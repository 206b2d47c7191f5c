// The warning's own styles, inside its closed shadow root: the page's CSS cannot reach them, and
// `all: initial` on the host keeps inherited page styles out.
export const hostStyle =
  'all:initial !important;position:fixed !important;inset:0 !important;' +
  'z-index:2147483647 !important;display:block !important;visibility:visible !important;' +
  'opacity:1 !important;pointer-events:auto !important;';

export const css = `
:host { color-scheme: light dark; }
.backdrop {
  position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
  margin: 0; border: 0; width: 100%; height: 100%; max-width: none; max-height: none; color: inherit;
  padding: 16px; box-sizing: border-box; overflow: auto;
  background: rgba(20, 24, 31, 0.55);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.dialog {
  box-sizing: border-box; width: min(100%, 30rem); max-height: 100%; overflow: auto;
  padding: 24px; border-radius: 16px;
  background: #ffffff; color: #1d2330;
  box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3);
  animation: pausa-in 160ms ease-out;
}
.mark { display: flex; gap: 6px; margin-bottom: 12px; }
.mark span { display: block; width: 8px; height: 28px; border-radius: 4px; background: #2f5bd3; }
.why { margin: 0 0 12px; font-size: 1rem; line-height: 1.45; }
h2 { margin: 0 0 12px; font-size: 1.3rem; line-height: 1.3; font-weight: 650; }
ul { margin: 0 0 20px; padding-left: 1.2em; }
li { margin: 0 0 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
button {
  font: inherit; font-weight: 600; border-radius: 10px; padding: 10px 18px; cursor: pointer;
  border: 2px solid transparent; min-height: 44px;
}
button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.primary { background: #2f5bd3; color: #ffffff; }
.secondary { background: transparent; color: #1d2330; border-color: #6b7384; }
.secondary[aria-disabled="true"] { color: #59606e; border-style: dashed; cursor: not-allowed; }
.link { background: transparent; color: #1f4fbf; text-decoration: underline; padding: 10px 6px; }
.wait { margin: 12px 0 0; font-size: 0.95rem; color: #454c5a; }
.backdrop::backdrop { background: transparent; }
@media (prefers-color-scheme: dark) {
  .dialog { background: #1d2230; color: #eef1f7; }
  .mark span { background: #8fb0ff; }
  .primary { background: #8fb0ff; color: #0f1525; }
  .secondary { color: #eef1f7; border-color: #a5adbd; }
  .secondary[aria-disabled="true"] { color: #b8bfcc; }
  .link { color: #a9c2ff; }
  .wait { color: #c4cad6; }
}
@media (prefers-reduced-motion: reduce) { .dialog { animation: none; } }
@keyframes pausa-in { from { transform: translateY(8px); opacity: 0; } to { transform: none; opacity: 1; } }
`;
