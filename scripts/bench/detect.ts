/** detect.ms: median time of detectPage() on the RAC2V1K fixture page in happy-dom (static HTML, scripts off). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { detectPage } from '../../extension/lib/routers/detect.ts';
import { medianMs, type Bench } from './types.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/routers/rac2v1k/advanced_port_forwarding.html');

const bench: Bench = {
  name: 'detect',
  async run() {
    const url = 'http://192.168.1.1/advanced_port_forwarding.html';
    const window = new Window({ url });
    const doc = window.document as unknown as Document;
    doc.write(readFileSync(FIXTURE, 'utf8'));
    let kind = '';
    // medianMs rounds to whole ms; time 20 calls per sample and divide for a finer figure.
    const per = 20;
    const ms = medianMs(15, () => {
      for (let i = 0; i < per; i++) kind = detectPage(doc, url).detection.kind;
    });
    await window.happyDOM.close();
    if (kind !== 'form') throw new Error(`detect on the RAC2V1K fixture should give "form", got "${kind}"`);
    return [{ name: 'detect.ms', value: Math.round((ms / per) * 100) / 100, unit: 'ms' }];
  },
};
export default bench;
