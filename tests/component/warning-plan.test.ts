// If the background does not answer, the person still gets the warning, with the defaults.
import { describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { sendMessage }, i18n: { getMessage: (key: string) => key } },
}));
const { runWarning } = await import('../../src/warning/index');

const share = { kind: 'camera' as const, via: 'camera', files: [] };

describe('runWarning', () => {
  it('shows the warning when the background fails, and answers Go back on removal', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sendMessage.mockRejectedValue(new Error('Could not establish connection'));
    const answer = runWarning(share);
    await vi.waitFor(() => expect(document.querySelector('pausa-warning')).not.toBeNull());
    document.querySelector('pausa-warning')!.remove();
    await expect(answer).resolves.toBe(false);
  });

  it('does not warn when the background says so (mode off)', async () => {
    sendMessage.mockResolvedValue({ warn: false, allowContinue: true, continueDelaySeconds: 0, mode: 'off' });
    await expect(runWarning(share)).resolves.toBe(true);
    expect(document.querySelector('pausa-warning')).toBeNull();
  });
});
