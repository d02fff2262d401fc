/**
 * Imported first by every entrypoint that validates with zod: zod decides at schema creation
 * whether to compile validators with eval, and an extension page must never need eval.
 */
import { z } from 'zod';

z.config({ jitless: true });
