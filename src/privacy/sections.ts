// The privacy policy's structure, as message keys in order: the page inside the extension renders
// it in the language in force, and docs/privacy.md (the address the store listings give) is the
// English text made from the same keys by `node scripts/privacy-md.mjs`.

export const PRIVACY_SECTIONS: ReadonlyArray<{ title: string; points: readonly string[] }> = [
  {
    title: 'privacyReadTitle',
    points: ['privacyReadAddress', 'privacyReadFiles', 'privacyReadPixels', 'privacyReadMessages'],
  },
  {
    title: 'privacyKeepTitle',
    points: ['privacyKeepSettings', 'privacyKeepPin', 'privacyKeepRules', 'privacyKeepNotes'],
  },
  { title: 'privacySendTitle', points: ['privacySendRules', 'privacySendNothing'] },
];

/** Paragraphs after the sections. */
export const PRIVACY_CLOSING = ['privacyManaged', 'privacyLinks'] as const;

/** The policy as Markdown, in one language (docs/privacy.md is the English one). */
export function privacyMarkdown(text: (key: string) => string): string {
  const lines = [
    `# ${text('privacyTitle')}`,
    '',
    '<!-- Made by `node scripts/privacy-md.mjs` from public/_locales/en/messages.json; the same text is',
    '     the page inside the extension (src/privacy/). Edit the messages, then run the script. -->',
    '',
    text('privacySummary'),
  ];
  for (const { title, points } of PRIVACY_SECTIONS) {
    lines.push('', `## ${text(title)}`, '', ...points.map((key) => `- ${text(key)}`));
  }
  for (const key of PRIVACY_CLOSING) lines.push('', text(key));
  return `${lines.join('\n')}\n`;
}
