/** The JSON Schema for editors, generated from the zod schema (the single source of truth). */
import { z } from 'zod';
import { presetSchema } from '../../data/schema.ts';

export const JSON_SCHEMA_FILE = 'data/preset.schema.json';

export function generateJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(presetSchema, { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'PortPilot preset',
    description: 'One port-forwarding preset (data/presets/<id>.json). Generated from data/schema.ts by `npm run schema`: do not edit.',
    ...rest,
  };
}

export function generateJsonSchemaText(): string {
  return `${JSON.stringify(generateJsonSchema(), null, 2)}\n`;
}
