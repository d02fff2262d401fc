/**
 * Strict JSON parsing that keeps positions, so every problem can point at a line and column.
 * jsonc-parser builds the tree (comments and trailing commas are errors here: presets are
 * plain JSON); JSON.parse builds the value, which is much faster than walking the tree.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath } from './problem.ts';

export interface Position {
  line: number;
  col: number;
  offset: number;
}

export interface JsonSyntaxError extends Position {
  message: string;
}

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a "quoted" property name (a trailing comma?)',
  ValueExpected: 'expected a value (a trailing comma?)',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," (a missing comma?)',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (a raw newline or tab?)',
};

/** Maps offsets to 1-based line:col. Built once per file, binary search per lookup. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1, offset };
  }
}

export interface JsonDocument {
  text: string;
  root: Node;
  value: unknown;
  lines: LineMap;
  /**
   * Position of the node at `path`. With `key: true`, the property's key rather than its value.
   * When the path does not exist (a missing field), the nearest existing ancestor.
   */
  locate(path: JsonPath, options?: { key?: boolean }): Position;
  /** Whether a node exists at `path`. */
  has(path: JsonPath): boolean;
}

export type ParseResult = { ok: true; doc: JsonDocument } | { ok: false; errors: JsonSyntaxError[] };

function syntaxErrors(text: string, lines: LineMap): JsonSyntaxError[] {
  if (text.trim() === '') return [{ ...lines.position(0), message: 'empty file' }];
  if (text.charCodeAt(0) === 0xfeff) return [{ ...lines.position(0), message: 'the file starts with a byte-order mark (save it as UTF-8 without BOM)' }];
  const parseErrors: ParseError[] = [];
  parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const errors = parseErrors.map((e) => ({
    ...lines.position(e.offset),
    message: ERROR_TEXT[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error),
  }));
  if (errors.length === 0) errors.push({ ...lines.position(0), message: text.trim() === '' ? 'empty file' : 'not valid JSON' });
  return errors;
}

/**
 * JSON.parse gives the value (fast); the position tree is built only when a problem needs a
 * place, and the syntax errors only when JSON.parse fails: valid files cost one JSON.parse.
 */
export function parseJsonDocument(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: syntaxErrors(text, new LineMap(text)) };
  }
  let lines: LineMap | undefined;
  let root: Node | undefined;
  const doc: JsonDocument = {
    text,
    value,
    get lines() {
      return (lines ??= new LineMap(text));
    },
    get root() {
      return (root ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false })!);
    },
    has: (path) => nodeAt(path) !== undefined,
    locate(path, options = {}) {
      for (let n = path.length; n >= 0; n--) {
        const node = nodeAt(path.slice(0, n));
        if (!node) continue;
        const keyNode = options.key && n === path.length && node.parent?.type === 'property' ? node.parent : undefined;
        return doc.lines.position((keyNode ?? node).offset);
      }
      return doc.lines.position(0);
    },
  };
  const nodeAt = (path: JsonPath) => (path.length === 0 ? doc.root : findNodeAtLocation(doc.root, path));
  return { ok: true, doc };
}

/** Duplicate keys in one object: JSON.parse silently keeps the last one, a reviewer would not. */
export function findDuplicateKeys(root: Node): { path: JsonPath; key: string; offset: number; firstOffset: number }[] {
  const found: { path: JsonPath; key: string; offset: number; firstOffset: number }[] = [];
  const walk = (node: Node, path: JsonPath) => {
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const valueNode = prop.children?.[1];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first !== undefined) found.push({ path: [...path, key], key, offset: prop.offset, firstOffset: first });
        else seen.set(key, prop.offset);
        if (valueNode) walk(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  return found;
}
