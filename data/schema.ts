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
  NAT_GOALS,
  parsePortSpec,
  PLATFORMS,
  PORT_SPEC_PATTERN,
  PROTOCOLS,
  UPNP_ADVICE,
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

const protocolSchema = z.enum(PROTOCOLS).describe('tcp, udp, or both');
const portsSchema = z.array(portSpecSchema).min(1);
const purposeSchema = z.string().trim().min(3).max(80).describe('What the rule is for, in a few words');

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

const width = (spec: string) => {
  const r = parsePortSpec(spec);
  return r ? r.end - r.start : -1;
};

const forwardRuleShape = {
  protocol: protocolSchema,
  ports: portsSchema.describe('External ports or ranges, e.g. ["3074", "27015-27030"]'),
  internal: portsSchema
    .optional()
    .describe('Internal ports when they differ from the external ones: same count, and the same width per range'),
  purpose: purposeSchema,
  hostOnly: z.boolean().optional().describe('true when the rule is needed only to host a game or server'),
  optional: z
    .string()
    .trim()
    .min(3)
    .max(120)
    .optional()
    .describe('Why the rule is optional ("Only for the Rust+ companion app"); optional rules are applied only when chosen'),
  exclusive: z.boolean().optional().describe('Only one device in the home can have this forward'),
  sources: z.array(sourceSchema).min(1).optional().describe('Sources for this rule alone'),
};

function internalMatchesExternal(rule: { ports: string[]; internal?: string[] }, ctx: z.core.$RefinementCtx): void {
  if (!rule.internal) return;
  if (rule.internal.length !== rule.ports.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['internal'],
      message: `internal has ${rule.internal.length} entries but ports has ${rule.ports.length}; each external port or range needs its internal one`,
    });
    return;
  }
  rule.internal.forEach((spec, i) => {
    const external = rule.ports[i]!;
    if (width(spec) >= 0 && width(external) >= 0 && width(spec) !== width(external)) {
      ctx.addIssue({ code: 'custom', path: ['internal', i], message: `internal "${spec}" is not the same width as external "${external}"` });
    }
  });
}

/** An inbound forward: the only kind of rule PortPilot applies to a router. */
export const forwardRuleSchema = z.strictObject(forwardRuleShape).superRefine(internalMatchesExternal);

/** A port the app only connects out to: shown for strict firewalls, never forwarded or searched. */
export const outboundRuleSchema = z.strictObject({
  protocol: protocolSchema,
  ports: portsSchema.describe('Remote ports or ranges the app connects to'),
  purpose: purposeSchema,
});

const idSchema = z.string().regex(ID_PATTERN, 'must be kebab-case: lowercase letters, digits and single dashes');

export const platformEntrySchema = z.strictObject({
  forward: z.array(forwardRuleSchema).min(1).optional().describe('Inbound forwards only: what a router port-forward helps'),
  outbound: z.array(outboundRuleSchema).min(1).optional().describe('Ports the app only connects out to; never applied'),
  uses: z
    .array(idSchema)
    .min(1)
    .optional()
    .describe('Other presets whose rules for this same platform also apply, e.g. ["playstation-network"]'),
  natGoal: z.enum(NAT_GOALS).optional().describe('The NAT type the forward should reach on this platform'),
});

export const guidanceSchema = z.strictObject({
  upnp: z.enum(UPNP_ADVICE).optional().describe('Does UPnP make manual forwarding unnecessary?'),
  staticIp: z.boolean().optional().describe('A DHCP reservation is needed for the forward to keep working'),
  nothingToForward: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .optional()
    .describe('For apps that need no forward: why, in our own words'),
});

const presetShape = {
  $schema: z.string().optional(),
  id: idSchema,
  name: z.string().trim().min(2).max(80),
  shortName: z.string().trim().min(2).max(12).optional().describe('Used to build router rule names ("CoD BO6 3074")'),
  aliases: z.array(z.string().trim().min(1).max(40)).default([]).describe('Search terms people type: "cod", "mw3", "mc"'),
  category: z.enum(CATEGORIES),
  platforms: z
    .partialRecord(z.enum(PLATFORMS), platformEntrySchema)
    .refine((p) => Object.keys(p).length > 0, 'at least one platform is required'),
  guidance: guidanceSchema.optional(),
  verification: z.enum(VERIFICATION).describe('The strongest kind of source behind these ports'),
  sources: z.array(sourceSchema).default([]),
  notes: z.string().trim().min(1).max(600).optional().describe('Advice in our own words; never copied prose'),
};

export const presetSchema = z
  .strictObject(presetShape)
  .superRefine((preset, ctx) => {
    if (preset.verification !== 'unverified' && preset.sources.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: `a "${preset.verification}" preset needs at least one source (or set "verification": "unverified")`,
      });
    }
    if (preset.guidance?.nothingToForward) return;
    for (const [platform, entry] of Object.entries(preset.platforms)) {
      if (!entry?.forward && !entry?.uses) {
        ctx.addIssue({
          code: 'custom',
          path: ['platforms', platform],
          message: `platform "${platform}" has neither "forward" rules nor "uses"`,
        });
      }
    }
  });

/**
 * A preset as the data build ships it (extension/lib/presets/expand.ts): every platform's `uses`
 * expanded into its forward list, each included rule marked with the preset it `from`. The
 * background checks what the popup asks it to apply with this.
 */
const shippedRuleSchema = z.strictObject({ ...forwardRuleShape, from: idSchema.optional() }).superRefine(internalMatchesExternal);
export const shippedPresetSchema = z.strictObject({
  ...presetShape,
  platforms: z.partialRecord(z.enum(PLATFORMS), platformEntrySchema.extend({ forward: z.array(shippedRuleSchema) })),
});

/** v1's rule type name, kept for the code that only deals with forwards. */
export type PortRule = z.infer<typeof forwardRuleSchema>;
export type ForwardRule = PortRule;
export type OutboundRule = z.infer<typeof outboundRuleSchema>;
export type PlatformEntry = z.infer<typeof platformEntrySchema>;
export type Guidance = z.infer<typeof guidanceSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Preset = z.infer<typeof presetSchema>;
export type PresetInput = z.input<typeof presetSchema>;
