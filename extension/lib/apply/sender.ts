/**
 * Who may send which message. Extension pages (the popup, options) start, read and stop jobs;
 * a router content script may only read and report on the job of its own tab, from the top
 * frame, while that tab shows the job's router. Chrome's advice: treat a content script's
 * messages as coming from a possibly compromised page.
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** A page of this extension (its URL starts with the extension's own base URL). */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionBase: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
}

/** The tab id of a router content script speaking for `origin`, or null when the sender is not one. */
export function contentScriptTab(sender: SenderInfo, extensionId: string, origin?: string): number | null {
  if (sender.id !== extensionId || sender.tab?.id === undefined) return null;
  // Only the top frame speaks for the job (it reads same-origin frames itself).
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  if (origin !== undefined) {
    let senderOrigin = '';
    try {
      senderOrigin = new URL(sender.url ?? '').origin;
    } catch {
      return null;
    }
    if (senderOrigin !== origin) return null;
  }
  return sender.tab.id;
}
