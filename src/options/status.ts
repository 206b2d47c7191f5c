import browser from 'webextension-polyfill';
import type { ExtensionStatus, Reply } from '../shared/messages';

export async function fetchStatus(type: 'getStatus' | 'checkRules'): Promise<ExtensionStatus> {
  const reply = (await browser.runtime.sendMessage({ type })) as Reply<'getStatus'>;
  if ('error' in reply) throw new Error(reply.error);
  return reply;
}
