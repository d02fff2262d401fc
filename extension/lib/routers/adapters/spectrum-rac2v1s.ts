import type { RouterAdapter } from '../types';

/**
 * Spectrum RAC2V1S, made by Sagemcom. Public facts: reached at http://192.168.1.1, login on
 * the label, and its hostname (e.g. "RAC2V1S") names the model; layout unpublished, so
 * no guessed ids. Flow: a grid of rule rows where one Apply saves every row.
 */
export const spectrumRac2v1s: RouterAdapter = {
  id: 'spectrum-rac2v1s',
  name: 'Spectrum RAC2V1S (Sagemcom)',
  flow: 'multi-row',
  markers: {
    hostnames: [/^rac2v1s(\.|$)/i],
    titles: [/rac2v1s/i],
    text: [/\brac2v1s\b/i, /\bsagemcom\b/i],
  },
};
