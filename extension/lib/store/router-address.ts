/**
 * A router admin address as people type it: "192.168.1.1", "routerlogin.net", "10.0.0.1:8080",
 * or a full "http://…" URL. Returns the origin PortPilot opens and matches tabs against.
 */
export type RouterAddressCheck = { ok: true; origin: string } | { ok: false; error: string };

export function checkRouterAddress(input: string): RouterAddressCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Type the address you use to open the router, e.g. 192.168.1.1' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (scheme && !/^https?$/i.test(scheme)) return { ok: false, error: `"${text}" is not a web address: router pages start with http:// or https://` };
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return { ok: false, error: `"${text}" is not an address: use e.g. 192.168.1.1 or routerlogin.net` };
  }
  if (url.username || url.password) return { ok: false, error: 'Leave the login out of the address: PortPilot never stores router passwords' };
  if (!/^[a-z0-9.-]+$/i.test(url.hostname) && !/^\[[0-9a-f:]+\]$/i.test(url.hostname)) {
    return { ok: false, error: `"${url.hostname}" is not a host name or IP address` };
  }
  return { ok: true, origin: url.origin };
}
