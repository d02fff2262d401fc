import { afterAll, beforeAll, it } from 'vitest';
import { useExtension } from '../support/apply-driver';
import { startRouterServer } from '../support/router-server';
import { USERS_OWN } from '../support/router-scenario';

const browser = useExtension({ beforeAll, afterAll });
const name = process.env.FX ?? 'asuswrt-stock';
it('scratch ' + name, async () => {
  const server = await startRouterServer(name);
  server.reset({ rules: USERS_OWN });
  const { page, tabId } = await browser.driver.openRouterPage(server.url);
  console.log('DETECT', JSON.stringify(await browser.driver.detect(tabId)));
  await browser.driver.start(tabId);
  const seen: string[] = [];
  const job = await browser.driver.waitFor(tabId, (j) => {
    const line = `${j.state} ${j.waiting?.for ?? ''} | ${j.rules.map((r) => r.status + (r.message ? '(' + r.message + ')' : '')).join(' ; ')}`;
    if (seen[seen.length - 1] !== line) seen.push(line);
    return j.state === 'done' || j.state === 'stopped';
  }, 60000).catch((e) => { console.log(String(e).slice(0, 3000)); return null; });
  console.log(seen.join('\n'));
  console.log('JOB', JSON.stringify({ state: job?.state, message: job?.message }, null, 1));
  console.log('RULES', JSON.stringify(server.rules()));
  console.log('WRITES', JSON.stringify(server.writes()));
  await page.close();
  await server.close();
}, 90000);
