/**
 * zod can compile faster validators with the Function constructor (eval). The extension runs
 * zod jitless (extension/lib/zod-jitless.ts), so that code never runs; this build step also
 * takes it out of the bundle, so store linters find no eval and a strict CSP never reports one.
 */
import type { Plugin } from 'vite';

const ZOD_EVAL_SITES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/;
const FUNCTION_ALIAS = 'const F = Function;';

export function zodWithoutEval(): Plugin {
  return {
    name: 'portpilot:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_EVAL_SITES.test(id)) return null;
      if (!code.includes(FUNCTION_ALIAS)) {
        // A zod upgrade moved the code: fail the build rather than ship eval unnoticed.
        this.error(`zod-without-eval: "${FUNCTION_ALIAS}" not found in ${id}; update scripts/vite/zod-without-eval.ts`);
      }
      const stub = 'function portpilotNoEval() { throw new Error("PortPilot runs zod without eval"); }\n';
      return { code: stub + code.replaceAll(FUNCTION_ALIAS, 'const F = portpilotNoEval;'), map: null };
    },
  };
}
