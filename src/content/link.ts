// The isolated world's end of the private channel (see ../shared/bridge.ts).
import { media as bundledMedia } from '../rules/rules.json';
import { HELLO_EVENT, LINK_EVENT, TO_CONTENT, TO_MAIN, type ToContent, type ToMain } from '../shared/bridge';

export function linkToMainWorld(
  onAsk: (msg: ToContent, reply: (msg: ToMain) => void, files: File[]) => void,
) {
  let node: Element | undefined;
  const reply = (msg: ToMain): void => {
    node?.dispatchEvent(new CustomEvent(TO_MAIN, { detail: JSON.stringify(msg) }));
  };
  const onLink = (event: Event): void => {
    if (node || !(event.target instanceof Element)) return;
    node = event.target;
    document.removeEventListener(LINK_EVENT, onLink, true);
    node.addEventListener(TO_CONTENT, (e) => {
      let msg: ToContent;
      try {
        msg = JSON.parse(String((e as CustomEvent<unknown>).detail)) as ToContent;
      } catch {
        return;
      }
      // The share's File objects, on the input the main world put inside the link element.
      const input = node?.firstElementChild as HTMLInputElement | null;
      const files = input?.localName === 'input' ? Array.from(input.files ?? []) : [];
      if (msg.t === 'ask' && Number.isInteger(msg.id)) onAsk(msg, reply, files);
    });
    // The first message completes the link on the main side.
    reply({ t: 'media', ...currentMedia });
  };
  // The bundled media rules until the stored ones arrive: the main world has none of its own.
  let currentMedia: { mimePrefixes: string[]; extensions: string[] } = bundledMedia;
  document.addEventListener(LINK_EVENT, onLink, true);
  document.dispatchEvent(new CustomEvent(HELLO_EVENT));
  return {
    /** Send newer media rules (from a rules update) to the main world. */
    setMedia(media: { mimePrefixes: string[]; extensions: string[] }) {
      currentMedia = media;
      if (node) reply({ t: 'media', ...media });
    },
  };
}
