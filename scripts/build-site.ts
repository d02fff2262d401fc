/**
 * npm run site: the dataset as a static, accessible catalogue in .output/site/: an index that
 * lists and searches every preset (with the popup's search code and prebuilt index), one page
 * per preset, and how to contribute. No external resources.
 */
import { mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { BUNDLE_FILES, buildSearchIndex } from '../extension/lib/presets/bundle';
import { REPO_ROOT } from './lib/dataset-fs';
import { loadShippedDataset } from './lib/shipped-presets';
import { contributePage, indexPage, presetHref, presetPage } from '../site/pages';

export async function buildSite(outDir = path.join(REPO_ROOT, '.output/site')): Promise<{ pages: number; outDir: string }> {
  const { presets } = await loadShippedDataset();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'presets'), { recursive: true });
  await mkdir(path.join(outDir, 'data'), { recursive: true });
  await writeFile(path.join(outDir, BUNDLE_FILES.presets), JSON.stringify(presets));
  await writeFile(path.join(outDir, BUNDLE_FILES.index), JSON.stringify(buildSearchIndex(presets)));
  await writeFile(path.join(outDir, 'index.html'), indexPage(presets));
  await writeFile(path.join(outDir, 'contribute.html'), contributePage());
  for (const p of presets) await writeFile(path.join(outDir, presetHref(p.id)), presetPage(p));
  await copyFile(path.join(REPO_ROOT, 'site/style.css'), path.join(outDir, 'style.css'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: path.join(REPO_ROOT, 'site/search.ts'), formats: ['es'], fileName: () => 'search.js' },
    },
  });
  return { pages: presets.length + 2, outDir };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { pages, outDir } = await buildSite();
  console.log(`site: ${pages} pages in ${path.relative(REPO_ROOT, outDir)}/ (open index.html through any static server)`);
}
