// zod must run without `new Function`: MV3's CSP forbids it and addons-linter flags it as
// DANGEROUS_EVAL (see ../shared/BROWSER-TESTING.md). Every module imports zod from here.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
