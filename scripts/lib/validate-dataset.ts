/**
 * Validates a list of preset files in memory and returns every problem found, sorted by place.
 * One module per concern (like mdn/browser-compat-data's linters); each sees all files and
 * reports all it finds, so one run shows everything a reviewer would ask for.
 */
import { parsePresetFiles } from './checks/json.ts';
import { checkJsonSchemaFile } from './checks/json-schema-file.ts';
import { schemaCheck } from './checks/schema.ts';
import { identityCheck } from './checks/identity.ts';
import { portsCheck } from './checks/ports.ts';
import { sourcesCheck } from './checks/sources.ts';
import { formattingCheck } from './checks/formatting.ts';
import { verificationCheck } from './checks/verification.ts';
import { forwardPolicyCheck } from './checks/forward-policy.ts';
import { referencesCheck } from './checks/references.ts';
import { checkRegistryFile, type RegistryFile } from './checks/registry-file.ts';
import type { Check, DatasetFile } from './checks/context.ts';
import { compareProblems, type Problem } from './problem.ts';

export type { DatasetFile } from './checks/context.ts';
export { formatProblem, type Problem } from './problem.ts';

export const CHECKS: Check[] = [
  schemaCheck,
  identityCheck,
  portsCheck,
  forwardPolicyCheck,
  referencesCheck,
  sourcesCheck,
  verificationCheck,
  formattingCheck,
];

export interface ValidateOptions {
  /** YYYY-MM-DD; defaults to today where it is latest (UTC+14). */
  today?: string;
  /** The committed JSON Schema file to compare with the generated one; skipped when absent. */
  jsonSchema?: { file: string; text: string | null };
  /** data/sources.json (text null: missing). Without it, sources are not checked against the registry. */
  sources?: RegistryFile;
}

/**
 * The latest date it is anywhere on Earth (UTC+14), so a contributor who writes their local
 * date is never told it is in the future.
 */
export function todayAnywhere(now = Date.now()): string {
  return new Date(now + 14 * 3600_000).toISOString().slice(0, 10);
}

export function validateDataset(files: DatasetFile[], options: ValidateOptions = {}): Problem[] {
  const { parsed, problems } = parsePresetFiles(files);
  const registry = options.sources ? checkRegistryFile(options.sources) : undefined;
  if (registry) problems.push(...registry.problems);
  const ctx = { presets: parsed, today: options.today ?? todayAnywhere(), sources: registry?.lookup && options.sources ? { file: options.sources.file, lookup: registry.lookup } : undefined };
  for (const check of CHECKS) problems.push(...check.run(ctx));
  if (options.jsonSchema) problems.push(...checkJsonSchemaFile(options.jsonSchema));
  return problems.sort(compareProblems);
}
