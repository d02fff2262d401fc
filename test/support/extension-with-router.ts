import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startRouterServer, type RouterServer } from './router-server';

/** A test file's browser with the extension and one router fixture, started once and closed after. */
export function extensionWithRouter(fixture: string): { ext: () => ExtensionBrowser; server: () => RouterServer } {
  let ext: ExtensionBrowser | undefined;
  let server: RouterServer | undefined;
  beforeAll(async () => {
    ext = await launchWithExtension();
    server = await startRouterServer(fixture);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  return { ext: () => ext!, server: () => server! };
}
