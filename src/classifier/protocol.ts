// Messages from the background to Chrome's offscreen document. Marked with a target, so the
// background's own router (which sees every runtime message) and the offscreen document never
// take each other's messages.
export const OFFSCREEN_TARGET = 'pausa-offscreen';

export type OffscreenRequest = { target: typeof OFFSCREEN_TARGET; type: 'check'; files: Blob[] };
