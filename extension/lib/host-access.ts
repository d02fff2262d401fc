/**
 * The host permission asked for a router. Match patterns leave the port out (a pattern covers
 * every port of its host in Chrome and Firefox), and Firefox answers permissions.contains with
 * false for a pattern that has a port, so the port is dropped: "http://10.0.0.1:8080" →
 * "http://10.0.0.1/*".
 */
export function hostPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
