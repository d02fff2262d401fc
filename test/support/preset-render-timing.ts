/**
 * Script time of opening a big preset in the popup: a user's preset with `rules` rules is saved
 * through the options page's JSON editor (as a person would), then opened in the popup several
 * times; each render leaves a "portpilot:preset-render" performance measure.
 */
import type { ExtensionBrowser } from './browser';
import { openPopup } from './browser';

export const BIG_PRESET_NAME = 'Big Test Preset';

export function bigPreset(rules: number): object {
  return {
    id: 'big-test-preset',
    name: BIG_PRESET_NAME,
    aliases: [],
    category: 'game',
    verification: 'unverified',
    sources: [],
    platforms: {
      pc: {
        forward: Array.from({ length: rules }, (_, i) => ({ protocol: i % 2 ? 'udp' : 'tcp', ports: [String(40000 + i)], purpose: `Test rule number ${i + 1}` })),
      },
    },
  };
}

/** Milliseconds of each render of the preset view, one per opening. */
export async function presetRenderTimes(ext: ExtensionBrowser, rules = 100, openings = 7): Promise<number[]> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.waitForSelector('#custom-new');
  await options.click('#custom-new');
  await options.click('#custom-mode');
  await options.fill('#custom-json', JSON.stringify(bigPreset(rules)));
  await options.click('#custom-form button[type="submit"]');
  await options.waitForFunction((name) => document.querySelector('#custom-list')?.textContent?.includes(name), BIG_PRESET_NAME);
  await options.close();

  const popup = await openPopup(ext.context, ext.extensionId);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForSelector('#results li');
  const times: number[] = [];
  for (let i = 0; i < openings; i++) {
    await popup.fill('#q', 'big test preset');
    await popup.waitForFunction((name) => document.querySelector('#results li .name')?.textContent === name, BIG_PRESET_NAME);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#rules tbody tr:nth-child(100)');
    times.push(await popup.evaluate(() => performance.getEntriesByName('portpilot:preset-render').at(-1)!.duration));
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('#results:not([hidden])');
  }
  await popup.close();
  return times;
}
