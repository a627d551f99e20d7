// The one zod instance every contract uses. Extension pages run under MV3's CSP, which forbids
// `new Function`, so zod's JIT is switched off everywhere (same behaviour on both sides).
import { z } from 'zod';

z.config({ jitless: true });

export { z };
