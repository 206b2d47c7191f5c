// The languages Pausa speaks (public/_locales). No zod here: the warning module imports it.
export const LOCALES = ['en', 'pt_PT', 'pt_BR', 'es', 'fr', 'de', 'it', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
