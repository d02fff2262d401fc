/**
 * npm run ports -- <query> [--platform ps5] [--limit N] [--json] [--dir <presets dir>]
 * The popup's search from a terminal: the top presets for a game, an app or a port, each with
 * the rules that matched. --json prints [{id, name, score, matched}] for scripts.
 */
import { portsCommand } from './lib/ports-query.ts';

const result = await portsCommand(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
