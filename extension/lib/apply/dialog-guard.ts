/**
 * alert(), confirm() and prompt() raised by the router page while PortPilot applies.
 *
 * Content scripts run in an isolated world: replacing window.alert there does not change the
 * page's alert. So the background injects installDialogGuard into the page's main world
 * (scripting.executeScript with world: 'MAIN') just before the content script, only while a
 * job runs. The guard answers every question with "no" (confirm → false, prompt → null),
 * so PortPilot never confirms a dialog it did not open and nothing blocks the page, and it
 * tells the content script the dialog's text through a DOM event. The content script stops
 * the job with that text. When the job ends the content script switches the guard off and
 * the page's own dialogs work again.
 *
 * The page can see the guard and send the same events; the most it can do with that is stop
 * the job, which it could do anyway by showing a real dialog.
 */

export const DIALOG_EVENT = 'portpilot-dialog';
export const GUARD_OFF_EVENT = 'portpilot-guard-off';
/**
 * A save button that is a `javascript:` link (Linksys "Save Settings") cannot be followed from
 * the isolated world (the extension's CSP blocks it): the content script sends this event to
 * the link and the guard, in the page's world, clicks it there.
 */
export const PRESS_EVENT = 'portpilot-press';

/**
 * Runs in the page's main world. Self-contained (it is serialised by executeScript): no
 * imports, no closures over module variables.
 */
export function installDialogGuard(win: Window = window): void {
  type Guarded = Window & { __portpilotGuard?: boolean };
  const w = win as Guarded;
  if (w.__portpilotGuard) return;
  w.__portpilotGuard = true;
  const original = { alert: w.alert, confirm: w.confirm, prompt: w.prompt };
  const tell = (kind: string, text: unknown) => {
    const detail = JSON.stringify({ kind, text: String(text ?? '').slice(0, 500) });
    const Ctor = (w as unknown as { CustomEvent: typeof CustomEvent }).CustomEvent;
    w.dispatchEvent(new Ctor('portpilot-dialog', { detail }));
  };
  w.alert = (message?: unknown) => tell('alert', message);
  w.confirm = (message?: unknown) => {
    tell('confirm', message);
    return false;
  };
  w.prompt = (message?: unknown) => {
    tell('prompt', message);
    return null;
  };
  const press = (e: Event) => (e.target as HTMLElement | null)?.click?.();
  w.document.addEventListener('portpilot-press', press, true);
  w.addEventListener(
    'portpilot-guard-off',
    () => {
      w.alert = original.alert;
      w.confirm = original.confirm;
      w.prompt = original.prompt;
      w.document.removeEventListener('portpilot-press', press, true);
      w.__portpilotGuard = false;
    },
    { once: true },
  );
}

export interface RaisedDialog {
  kind: 'alert' | 'confirm' | 'prompt';
  text: string;
}

export interface DialogWatch {
  /** The first dialog raised since the watch began (or since the last take), if any. */
  take(): RaisedDialog | null;
  /** Stops listening and switches the page's guard off. */
  release(): void;
}

/**
 * Listens, on the content side, for the guard's reports in the page's windows: the top one and
 * its same-origin frames. windows() is asked again at every look, so a frame that loaded a new
 * page since is listened to as well (the background guards it again, see guard:frames).
 */
export function watchDialogs(windows: () => Window[]): DialogWatch {
  const raised: RaisedDialog[] = [];
  const watched = new Set<Window>();
  const onDialog = (e: Event) => {
    try {
      const d = JSON.parse(String((e as CustomEvent).detail)) as RaisedDialog;
      if (d && typeof d.text === 'string' && ['alert', 'confirm', 'prompt'].includes(d.kind)) raised.push(d);
    } catch {
      /* not ours */
    }
  };
  const attach = () => {
    for (const w of windows()) {
      if (watched.has(w)) continue;
      watched.add(w);
      w.addEventListener(DIALOG_EVENT, onDialog);
    }
  };
  attach();
  return {
    take: () => {
      attach();
      return raised.shift() ?? null;
    },
    release() {
      for (const w of watched) {
        try {
          w.removeEventListener(DIALOG_EVENT, onDialog);
          const Ctor = (w as unknown as { Event: typeof Event }).Event;
          w.dispatchEvent(new Ctor(GUARD_OFF_EVENT));
        } catch {
          /* the window is gone */
        }
      }
      watched.clear();
    },
  };
}

/** Words for a person: what the router page asked or said. */
export function dialogMessage(d: RaisedDialog): string {
  const what = d.kind === 'alert' ? 'showed the message' : 'asked';
  return `The router page ${what} "${d.text}". PortPilot stopped there and answered nothing; check the page.`;
}
