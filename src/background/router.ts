// One handler per message type, validated against the protocol map in ../shared/messages.ts.
// A content script (a page's frame) may only send the content messages; the rest need an
// extension page.
import browser from 'webextension-polyfill';
import {
  contentMessages,
  Envelope,
  type AnyRequest,
  type MessageType,
  type Request,
  type Responses,
} from '../shared/messages';

export type Handlers = {
  [T in MessageType]: (request: Request<T>, sender: browser.Runtime.MessageSender) => Promise<Responses[T]>;
};

export function isExtensionPage(sender: browser.Runtime.MessageSender, extensionOrigin: string): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
}

export function createRouter(handlers: Handlers, extensionOrigin = browser.runtime.getURL('')) {
  return async (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> => {
    const parsed = Envelope.safeParse(message);
    if (!parsed.success) return { error: `bad message: ${parsed.error.issues[0]?.message ?? '?'}` };
    const request: AnyRequest = parsed.data;
    if (sender.id !== browser.runtime.id) return { error: 'unknown sender' };
    if (!contentMessages.has(request.type) && !isExtensionPage(sender, extensionOrigin)) {
      return { error: `${request.type} is only for extension pages` };
    }
    try {
      const handler = handlers[request.type] as (r: AnyRequest, s: typeof sender) => Promise<unknown>;
      return await handler(request, sender);
    } catch (error) {
      console.error('Pausa: handler failed', request.type, error);
      return { error: String(error) };
    }
  };
}
