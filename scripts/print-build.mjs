// Last step of `npm run build`: say where the installable extension is.
import { readdirSync } from 'node:fs';

const zips = readdirSync('.output').filter((f) => f.endsWith('.zip'));
console.log(`
PortPilot is built:
  Chrome/Edge: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3
  Firefox:     about:debugging → This Firefox → Load Temporary Add-on → .output/firefox-mv2/manifest.json
  Store zips:  ${zips.map((z) => `.output/${z}`).join(', ')}`);
