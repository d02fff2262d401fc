/**
 * The preset format: the one source of truth.
 * The validator, the data build, the JSON Schema for editors and the extension's
 * custom-preset import all use these zod schemas, so a rule accepted in one place
 * is accepted everywhere.
 */
import { z } from 'zod';

import {
  CATEGORIES,
  ID_PATTERN,
  parsePortSpec,
  PLATFORMS,
  PORT_SPEC_PATTERN,
  PROTOCOLS,
  VERIFICATION,
} from './vocabulary';

export * from './vocabulary';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const isValidPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;

function isRealDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const portSpecSchema = z
  .string()
  .regex(PORT_SPEC_PATTERN, 'must be a port "3074" or a range "27015-27030"')
  .superRefine((spec, ctx) => {
    const range = parsePortSpec(spec);
    if (!range) return;
    if (!isValidPort(range.start) || !isValidPort(range.end)) {
      ctx.addIssue({ code: 'custom', message: `port out of range 1-65535 in "${spec}"` });
    } else if (range.start > range.end) {
      ctx.addIssue({ code: 'custom', message: `range start is greater than its end in "${spec}"` });
    }
  });

export const ruleSchema = z.strictObject({
  protocol: z.enum(PROTOCOLS).describe('tcp, udp, or both'),
  ports: z.array(portSpecSchema).min(1).describe('Ports or ranges, e.g. ["3074", "27015-27030"]'),
  purpose: z.string().trim().min(3).max(80).describe('What the rule is for, in a few words'),
  hostOnly: z.boolean().optional().describe('true when the rule is needed only to host a game or server'),
});

export const sourceSchema = z.strictObject({
  url: z
    .string()
    .url()
    .refine((u) => u.startsWith('https://'), 'source URL must use https://'),
  checked: z
    .string()
    .refine(isRealDate, 'must be a real date YYYY-MM-DD')
    .describe('The day someone compared the ports with this page'),
});

export const presetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(ID_PATTERN, 'must be kebab-case: lowercase letters, digits and single dashes'),
    name: z.string().trim().min(2).max(80),
    aliases: z.array(z.string().trim().min(1).max(40)).default([]).describe('Search terms people type: "cod", "mw3", "mc"'),
    category: z.enum(CATEGORIES),
    platforms: z
      .partialRecord(z.enum(PLATFORMS), z.array(ruleSchema).min(1))
      .refine((p) => Object.keys(p).length > 0, 'at least one platform with rules is required'),
    verification: z.enum(VERIFICATION).describe('The strongest kind of source behind these ports'),
    sources: z.array(sourceSchema).default([]),
    notes: z.string().trim().min(1).max(600).optional().describe('Advice in our own words; never copied prose'),
  })
  .superRefine((preset, ctx) => {
    if (preset.verification !== 'unverified' && preset.sources.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: `a "${preset.verification}" preset needs at least one source (or set "verification": "unverified")`,
      });
    }
  });

export type PortRule = z.infer<typeof ruleSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Preset = z.infer<typeof presetSchema>;
export type PresetInput = z.input<typeof presetSchema>;
