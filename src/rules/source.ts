// Where the rules updates come from, and the key they must be signed with (SPEC C6). Policy
// `rulesUrl` and `rulesPublicKey` replace both (a school or a hotline running its own rules).
// The private key that matches never goes in this repository (see README, "Publishing rules").
export const DEFAULT_RULES_URL = 'https://rules.pausa-safety.org/v1/rules.json';
export const DEFAULT_RULES_PUBLIC_KEY = 'J6ai90/yTUNF0ZVHRFSBwtSd6RVcqN2lp7f9MW1AOuc=';
