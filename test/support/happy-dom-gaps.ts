/**
 * Two browser features the real-firmware fixture pages use and happy-dom lacks, added for the
 * unit harness only: the Option constructor (`new Option(text, value)`: ASUSWRT and Tomato
 * build their drop-downs with it) and setting `select.options.length` (ASUSWRT empties a list
 * with `options.length = 0`). Nothing of PortPilot's own code depends on them.
 */
import { BrowserWindow, HTMLCollection, Window } from 'happy-dom';

let installed = false;

export function fillHappyDomGaps(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(BrowserWindow.prototype, 'Option', {
    configurable: true,
    get(this: { document: Document }) {
      const doc = this.document;
      return function Option(text = '', value?: string, defaultSelected = false, selected = false) {
        const o = doc.createElement('option');
        o.text = String(text);
        if (value !== undefined) o.value = String(value);
        o.defaultSelected = defaultSelected;
        o.selected = selected;
        return o;
      };
    },
  });
  // HTMLOptionsCollection is not exported: take its prototype from a select of a scratch window.
  const scratch = new Window();
  const proto = Object.getPrototypeOf((scratch.document.createElement('select') as unknown as HTMLSelectElement).options) as object;
  const base = Object.getOwnPropertyDescriptor(HTMLCollection.prototype, 'length');
  if (base?.get) {
    Object.defineProperty(proto, 'length', {
      configurable: true,
      get(this: object) {
        return base.get!.call(this) as number;
      },
      set(this: { length: number; remove(i: number): void }, n: number) {
        while (this.length > n) this.remove(this.length - 1);
      },
    });
  }
  void scratch.happyDOM.close();
}
