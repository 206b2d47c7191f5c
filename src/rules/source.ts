// Where the rules updates come from, and the key they must be signed with (SPEC C6). Both are
// build-time settings (README, "Publishing rules"): `PAUSA_RULES_URL=https://… npm run build`.
// A build without a URL does not check for updates at all; it says so in the options, and an
// organisation can still set policy `rulesUrl` and `rulesPublicKey` (a school or a hotline running
// its own rules). The private key never goes in this repository.
export const DEFAULT_RULES_URL: string = import.meta.env.PAUSA_RULES_URL ?? '';

/** The project's key: it signs the bundled rules (src/rules/rules.json.sig). */
export const PROJECT_RULES_PUBLIC_KEY = 'rgzt+hDjKo+O4VE2I7Ehtscjs05ZItUSiT8tKrN7LXE=';

export const DEFAULT_RULES_PUBLIC_KEY: string =
  (import.meta.env.PAUSA_RULES_PUBLIC_KEY as string | undefined) || PROJECT_RULES_PUBLIC_KEY;
