// Every message between the contexts, in one map: its request schema and its response type.
// The background validates each request against its schema and checks who sent it: a content
// script (which runs in pages) may only use the `content` messages.
import { z } from './zod';
import type { Config } from './config';
import type { FileResult } from '../classifier/check';
import type { Messages } from './i18n';
import type { HelpResource } from './resources';
import { LOCALES } from './locales';
import { Mode } from './settings';

const FileMetaSchema = z.object({
  name: z.string().max(1000),
  type: z.string().max(200),
  size: z.number().nonnegative(),
});

export const ShareRequest = z.object({
  /** `screen`: getDisplayMedia (screen sharing), warned about in strict mode only. */
  kind: z.enum(['files', 'camera', 'call', 'screen']),
  via: z.string().max(40),
  files: z.array(FileMetaSchema).max(1000),
  /** When the person last pressed a pointer or a key on the page, outside the warning (ms since
   * the epoch): tells a person asking again from a page asking again by itself. */
  gestureAt: z.number().optional(),
  /** When the page asked (ms since the epoch), before waiting for an earlier warning. */
  askedAt: z.number().optional(),
});
export type ShareRequest = z.infer<typeof ShareRequest>;

export const WarningPlan = z.object({
  warn: z.boolean(),
  /** Whether Continue is offered at all, and after how many seconds. */
  allowContinue: z.boolean(),
  continueDelaySeconds: z.number().min(0).max(600),
  mode: Mode,
  /** The warning's language: 'auto' (the browser's) or a locale from the options or policy. */
  language: z.string().max(10).optional(),
  /** Held while this warning is open: the tab's next warning waits for it (one at a time). */
  ticket: z.number().int().optional(),
  /** Smart mode: why the warning appeared (the check thinks a photo may be intimate, or could
   * not check a file). Absent in the other modes. */
  reason: z.enum(['intimate', 'unsure']).optional(),
  /** The camera right after Go back in the same frame: refused without a warning (a page asking
   * in a loop must not pin the person under warnings). */
  refuse: z.boolean().optional(),
});
export type WarningPlan = z.infer<typeof WarningPlan>;

/** A decided warning, as a frame too small to show it hands it to the top frame (see warnInTop). */
export const ShownPlan = WarningPlan.extend({ warn: z.literal(true), ticket: z.number().int() });

export interface TabStatus {
  url: string | null;
  covered: boolean;
  siteName: string | null;
  mode: Mode;
}

export const requests = {
  ping: z.object({ type: z.literal('ping') }),
  decide: z.object({
    type: z.literal('decide'),
    share: ShareRequest,
    /** The shared files themselves (structured clone), for smart mode's on-device check. */
    data: z.array(z.instanceof(Blob)).max(1000).optional(),
  }),
  answered: z.object({
    type: z.literal('answered'),
    kind: ShareRequest.shape.kind,
    choice: z.enum(['back', 'continue']),
    ticket: z.number().int().optional(),
  }),
  openHelp: z.object({ type: z.literal('openHelp') }),
  loadWarning: z.object({ type: z.literal('loadWarning') }),
  /** A share in a frame too small to show the warning (a tiny or hidden frame): the top frame of
   * the same tab shows it instead, and the answer comes back to the asking frame. */
  warnInTop: z.object({ type: z.literal('warnInTop'), share: ShareRequest, plan: ShownPlan }),
  /** C8: inject the message reader (messages.js) into the sending top frame. */
  loadMessageWatch: z.object({ type: z.literal('loadMessageWatch') }),
  /** C8's help panel: the language, emergency number and first contacts for the person. */
  helpContacts: z.object({ type: z.literal('helpContacts'), distress: z.boolean() }),
  getMessages: z.object({ type: z.literal('getMessages'), locale: z.enum(LOCALES) }),
  getTabStatus: z.object({ type: z.literal('getTabStatus'), tabId: z.number().int() }),
  getStatus: z.object({ type: z.literal('getStatus') }),
  checkRules: z.object({ type: z.literal('checkRules') }),
  setPin: z.object({ type: z.literal('setPin'), pin: z.string().max(64) }),
  lock: z.object({ type: z.literal('lock'), forceStrict: z.boolean() }),
  unlock: z.object({ type: z.literal('unlock'), pin: z.string().max(64), remove: z.boolean().optional() }),
  /** The options page's "try the check on a photo": what smart mode would say, on this device. */
  checkImages: z.object({ type: z.literal('checkImages'), data: z.array(z.instanceof(Blob)).min(1).max(20) }),
} as const;

export interface LockStatus {
  hasPin: boolean;
  locked: boolean;
  forceStrict: boolean;
  /** Wrong PINs: no PIN is checked before this time (ms since epoch). */
  retryAt: number;
  /** Policy `locked`: everything is read-only and the parental lock is hidden. */
  policyLocked: boolean;
}

export interface Responses {
  ping: { ok: true; version: string };
  decide: WarningPlan;
  answered: { ok: true };
  openHelp: { ok: true };
  loadWarning: { ok: boolean; error?: string };
  /** `go` when the top frame showed the warning and the person answered; otherwise not shown. */
  warnInTop: { shown: boolean; go?: boolean };
  loadMessageWatch: { ok: boolean; error?: string };
  helpContacts: HelpContacts;
  getMessages: { messages: Messages };
  getTabStatus: TabStatus;
  getStatus: ExtensionStatus;
  checkRules: ExtensionStatus;
  setPin: { ok: boolean; error?: string };
  lock: { ok: boolean; error?: string };
  unlock: { ok: boolean; retryAt: number };
  checkImages: { results: FileResult[]; warn: boolean; reason?: 'intimate' | 'unsure'; threshold: number };
}

/** What C8's help panel shows for this person (country and age from settings or policy). */
export interface HelpContacts {
  language: string;
  country: string | null;
  emergency: string | null;
  contacts: Array<
    Pick<HelpResource, 'id' | 'organization' | 'service' | 'url' | 'phone' | 'kind' | 'fromOrganization'>
  >;
}

/** What the options page shows: the rules in use, policy problems, permissions still needed. */
export interface ExtensionStatus {
  rules: {
    revision: number;
    source: 'bundled' | 'download';
    lastCheck: number | null;
    lastSuccess: number | null;
    lastError: string | null;
    url: string;
    expires: string;
  };
  policyProblems: string[];
  /** Covered sites' match patterns the extension has no host permission for yet. */
  missingPermissions: string[];
  /** The sites the rules in use cover, for the per-site switches. */
  sites: Array<{ id: string; name: string }>;
  lock: LockStatus;
  config: Config;
}

export type MessageType = keyof typeof requests;
export type Request<T extends MessageType> = z.infer<(typeof requests)[T]>;
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

/** Messages a content script may send. Everything else needs an extension page. */
export const contentMessages: ReadonlySet<MessageType> = new Set([
  'ping',
  'decide',
  'answered',
  'openHelp',
  'loadWarning',
  'warnInTop',
  'loadMessageWatch',
  'helpContacts',
  'getMessages',
]);

export const Envelope = z.discriminatedUnion('type', [
  requests.ping,
  requests.decide,
  requests.answered,
  requests.openHelp,
  requests.loadWarning,
  requests.warnInTop,
  requests.loadMessageWatch,
  requests.helpContacts,
  requests.getMessages,
  requests.getTabStatus,
  requests.getStatus,
  requests.checkRules,
  requests.setPin,
  requests.lock,
  requests.unlock,
  requests.checkImages,
]);

/** Errors travel as `{ error }`, so a caller never mistakes them for an answer. */
export type Reply<T extends MessageType> = Responses[T] | { error: string };
