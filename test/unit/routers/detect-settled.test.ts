// @vitest-environment happy-dom
/** A page just loaded may still draw its form by script: detection looks again for a moment, and only then. */
import { afterEach, expect, it, vi } from 'vitest';
import { detectSettled } from '../../../extension/lib/routers/detect-settled';

const FORM = `<form><label for="n">Service Name</label><input id="n">
  <label for="p">Protocol</label><select id="p"><option>TCP</option><option>UDP</option></select>
  <label for="s">External Port</label><input id="s"><label for="ip">Internal IP Address</label><input id="ip">
  <button type="button">Apply</button></form><table><tr><th>Service Name</th><th>External Port</th><th>Internal IP Address</th><th>Protocol</th></tr></table>`;

afterEach(() => vi.restoreAllMocks());

it('waits for a form the page draws after loading', async () => {
  document.body.innerHTML = '<p>Loading…</p>';
  vi.spyOn(window.performance, 'now').mockReturnValue(100); // just loaded
  let naps = 0;
  const found = await detectSettled(document, 'http://192.168.1.1/pf.html', async () => {
    if (++naps === 2) document.body.innerHTML = FORM;
  });
  expect(naps).toBe(2);
  expect(found.detection.kind).toBe('form');
});

it('answers at once for a page loaded a while ago', async () => {
  document.body.innerHTML = '<p>Welcome</p>';
  vi.spyOn(window.performance, 'now').mockReturnValue(60_000);
  const sleep = vi.fn(async () => undefined);
  expect((await detectSettled(document, 'http://192.168.1.1/', sleep)).detection.kind).toBe('unknown');
  expect(sleep).not.toHaveBeenCalled();
});
