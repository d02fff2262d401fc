import type { RouterAdapter } from '../types';

/**
 * Current Spectrum routers (SAC2V1K, SAX1V1K, SAX1V1R, SAX2V1S, "Spectrum Advanced WiFi") have
 * no local port-forwarding page: Spectrum's help says to use the My Spectrum app, Services >
 * Router > Advanced Settings > Port Forwarding & IP Reservations, reserving the device's IP
 * first. Their hostnames (e.g. SAX1V1R.lan) name the model. Nothing is filled here.
 */
export const spectrumAppOnly: RouterAdapter = {
  id: 'spectrum-app-only',
  name: 'Spectrum Advanced WiFi (app-managed)',
  flow: 'app-only',
  markers: {
    hostnames: [/^(sac2v1k|sax1v1k|sax1v1r|sax2v1s)(\.|$)/i],
    titles: [/advanced wi-?fi/i, /\b(sac2v1k|sax1v1k|sax1v1r|sax2v1s)\b/i],
    text: [/\b(sac2v1k|sax1v1k|sax1v1r|sax2v1s)\b/i, /advanced wi-?fi/i, /my spectrum app/i],
  },
  note:
    'This router has no port-forwarding page. In the My Spectrum app: Services > Router > Advanced Settings > ' +
    'Port Forwarding & IP Reservations. Reserve the device\'s IP address first, then add each port rule.',
};
