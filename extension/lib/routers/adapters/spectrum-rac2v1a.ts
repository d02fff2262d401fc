import type { RouterAdapter } from '../types';

/**
 * Spectrum RAC2V1A, made by Arris for Spectrum. Public facts: reached at http://192.168.1.1,
 * login on the label; layout unpublished, so markers are model names only and fields come
 * from the generic finder. Flow: saving a rule reloads the page, so the engine records
 * 'saving' before it submits and verifies the rules table on the next load.
 */
export const spectrumRac2v1a: RouterAdapter = {
  id: 'spectrum-rac2v1a',
  name: 'Spectrum RAC2V1A (Arris)',
  flow: 'reload',
  markers: {
    hostnames: [/^rac2v1a(\.|$)/i],
    titles: [/rac2v1a/i],
    text: [/\brac2v1a\b/i],
  },
};
