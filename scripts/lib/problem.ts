/** One thing a reviewer would ask to change, pinned to a place in a file. */
export type JsonPath = (string | number)[];

export interface Problem {
  /** File path relative to the repo root, with forward slashes. */
  file: string;
  /** 1-based line and column of the offending JSON node. */
  line: number;
  col: number;
  /** Where in the JSON document, e.g. `platforms.pc[0].ports[1]`; `$` is the whole document. */
  path: string;
  message: string;
  /** What to do about it; printed as `(fix: …)`. */
  fix: string;
  /** Which check found it (json, schema, identity, ports, sources, format, json-schema). */
  check: string;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `["platforms","pc",0,"ports",1]` → `platforms.pc[0].ports[1]`; `[]` → `$`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (PLAIN_KEY.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '$' : out;
}

/** `file:line:col  json.path  message  (fix: …)` */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.path}  ${p.message}  (fix: ${p.fix})`;
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col;
}
