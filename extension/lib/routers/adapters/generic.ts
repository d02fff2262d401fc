import type { RouterAdapter } from '../types';

/** Any other router: the generic finder maps the fields; the flow is learnt from the answer. */
export const generic: RouterAdapter = {
  id: 'generic',
  name: 'Generic router',
  flow: 'in-page',
  markers: {},
};
