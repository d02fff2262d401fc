import type { RouterAdapter } from '../types';

/**
 * Spectrum RAC2V1K, made by Askey. Public facts: Spectrum's "RAC2V1K" router is reached at
 * http://192.168.1.1 with the login printed on its label. Its page layout is not published,
 * so this adapter does not guess element ids: it recognises the model by name markers and
 * leaves the fields to the generic finder. Flow: Add fills a form on the same page and the
 * rule appears in the rules table below it.
 */
export const spectrumRac2v1k: RouterAdapter = {
  id: 'spectrum-rac2v1k',
  name: 'Spectrum RAC2V1K (Askey)',
  flow: 'in-page',
  markers: {
    hostnames: [/^rac2v1k(\.|$)/i],
    titles: [/rac2v1k/i],
    text: [/\brac2v1k\b/i, /\baskey\b/i],
  },
};
