/**
 * The preset format: the one source of truth.
 * The validator, the data build, the JSON Schema for editors and the extension's
 * custom-preset import all use these zod schemas, so a rule accepted in one place
 * is accepted everywhere.
 */
import { z } from 'zod';

export const PLATFORMS = ['pc', 'ps5', 'ps4', 'xbox-series', 'xbox-one', 'switch', 'steam-deck', 'server'] as const;
export const PLATFORM_LABELS: Record<Platform, string> = {
  pc: 'PC',
  ps5: 'PlayStation 5',
  ps4: 'PlayStation 4',
  'xbox-series': 'Xbox Series X|S',
  'xbox-one': 'Xbox One',
  switch: 'Nintendo Switch',
  'steam-deck': 'Steam Deck',
  server: 'Server / host machine',
};

export const CATEGORIES = [
  'game',
  'console-network',
  'launcher',
  'game-server',
  'media-server',
  'remote-access',
  'game-streaming',
  'voice-chat',
  'vpn',
  'file-sharing',
  'web-server',
  'smart-home',
  'camera',
  'nas',
] as const;

/** How the ports were checked: the strongest kind of source behind the preset. */
export const VERIFICATION = ['publisher', 'platform', 'community', 'unverified'] as const;

export const PROTOCOLS = ['tcp', 'udp', 'both'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Protocol = (typeof PROTOCOLS)[number];
export type Verification = (typeof VERIFICATION)[number];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** "3074" or "27015-27030". Strings keep ranges readable in review diffs. */
export const PORT_SPEC_PATTERN = /^(\d{1,5})(?:-(\d{1,5}))?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export interface PortRange {
  start: number;
  end: number;
}

/** Parses "N" or "N-M"; returns null when it is not a port spec at all. */
export function parsePortSpec(spec: string): PortRange | null {
  const m = PORT_SPEC_PATTERN.exec(spec);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return { start, end };
}

export function formatPortRange({ start, end }: PortRange): string {
  return start === end ? String(start) : `${start}-${end}`;
}

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
