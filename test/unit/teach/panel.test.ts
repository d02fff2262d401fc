// @vitest-environment happy-dom
/**
 * The preview panel: outlines and labels what PortPilot will fill, says what is missing, lets
 * the person give fields their part and mark the router's save button (whose click never reaches
 * the page), and answers only to the person or to PortPilot's own popup.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assignment } from '../../../extension/lib/teach/assignment';
import { createTeachPanel, type TeachProposal } from '../../../extension/lib/teach/panel';

const PAGE = `
  <form id="f">
    <table>
      <tr><td><img src="a.png" alt=""></td><td><img src="b.png" alt=""></td><td><img src="c.png" alt=""></td><td></td></tr>
      <tr><td><input id="a" type="text"></td><td><input id="b" type="text"></td>
          <td><select id="c"><option>TCP</option><option>UDP</option></select></td><td><input id="d" type="text"></td></tr>
    </table>
    <input type="button" id="add" value="Add">
    <input type="button" id="save" value="Save">
    <input type="button" id="wipe" value="Delete all">
  </form>`;

const $ = (id: string) => document.getElementById(id)!;

function proposal(over: Partial<TeachProposal> = {}): TeachProposal {
  return {
    sure: false,
    fields: ['a', 'b', 'c', 'd'].map((id) => ({ el: $(id), part: null })),
    buttons: ['add', 'save'].map((id) => ({ el: $(id), use: null })),
    ...over,
  };
}

/** The panel's open shadow root (tests only: in the extension it is closed). */
const shadow = () => document.querySelector('[data-portpilot="teach"]')!.shadowRoot!;
const inPanel = <T extends Element>(id: string) => shadow().getElementById(id) as unknown as T;
/** happy-dom's click() does not reach elements of a shadow root: dispatch the event. */
const press = (id: string) => inPanel<HTMLElement>(id).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
function choose(id: string, value: string) {
  const select = inPanel<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('teaching a page PortPilot cannot read', () => {
  it('says what is missing, takes parts from the lists and the save button from a click on the page, which the page never sees', async () => {
    const pageAdd = vi.fn();
    $('add').addEventListener('click', pageAdd);
    const panel = createTeachPanel(document, { testing: true });
    const decided = panel.ask(proposal());
    expect(panel.text).toMatch(/PortPilot cannot tell which field is which on this page\./);
    expect(panel.text).toMatch(/Not found yet: External port, Device IP, Protocol\./);
    expect(inPanel<HTMLButtonElement>('pp-apply').disabled).toBe(true);

    // Clicking a field on the page moves to its list in the panel.
    $('b').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(shadow().activeElement?.id).toBe('pp-field-1');
    expect(shadow().querySelectorAll('.mark.current')).toHaveLength(1);
    choose('pp-field-0', 'extStart');
    choose('pp-field-1', 'ip');
    choose('pp-field-2', 'protocol');
    choose('pp-field-3', 'name');
    expect(panel.text).toMatch(/Click the button on the page that saves a rule\./);

    $('add').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    $('save').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(pageAdd).not.toHaveBeenCalled();
    expect(panel.text).toMatch(/Ready: PortPilot fills the outlined fields/);
    // Each part is outlined and labelled on the page.
    const chips = Array.from(shadow().querySelectorAll('.chip')).map((c) => c.textContent);
    expect(chips).toEqual(['External port', 'Device IP', 'Protocol', 'Rule name', 'Saves the rule', 'Then stores the list']);

    press('pp-apply');
    const d = await decided;
    expect(d.kind).toBe('apply');
    const a = (d as { assignment: Assignment; changed: boolean }).assignment;
    expect(a.fields.map((f) => [f.el.id, f.part?.role])).toEqual([['a', 'extStart'], ['b', 'ip'], ['c', 'protocol'], ['d', 'name']]);
    expect(a.buttons.map((b) => [b.el.id, b.use])).toEqual([['add', 'submit'], ['save', 'commit']]);
    expect((d as { changed: boolean }).changed).toBe(true);
    expect(panel.open).toBe(false);
    expect(document.querySelector('[data-portpilot]')).toBeNull();
    // The page works again once the preview is closed.
    $('add').click();
    expect(pageAdd).toHaveBeenCalledOnce();
  });

  it('never lets a click on another button or a form submit through while it asks, and says why', async () => {
    const wiped = vi.fn();
    const submitted = vi.fn();
    $('wipe').addEventListener('click', wiped);
    $('f').addEventListener('submit', submitted);
    const panel = createTeachPanel(document, { testing: true });
    void panel.ask(proposal());
    $('wipe').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    $('f').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(wiped).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
    expect(panel.text).toMatch(/PortPilot does not press that one/);
    panel.close();
  });

  it('refuses a part given twice, and an address in two boxes', () => {
    const panel = createTeachPanel(document, { testing: true });
    void panel.ask(proposal());
    choose('pp-field-0', 'extStart');
    choose('pp-field-3', 'extStart');
    choose('pp-field-1', 'ip');
    choose('pp-field-2', 'protocol');
    expect(panel.text).toMatch(/External port is given to 2 fields: keep one\./);
    choose('pp-field-3', 'ip');
    expect(panel.text).toMatch(/Device IP is one box, or four boxes/);
    panel.close();
  });
});

describe('the preview when PortPilot is sure', () => {
  const sure = (): TeachProposal => ({
    ...proposal({ sure: true, router: 'Spectrum RAC2V1K' }),
    fields: [
      { el: $('a'), part: { role: 'extStart' } },
      { el: $('b'), part: { role: 'ip' } },
      { el: $('c'), part: { role: 'protocol' } },
      { el: $('d'), part: null },
    ],
    buttons: [
      { el: $('add'), use: 'submit' },
      { el: $('save'), use: null },
    ],
  });

  it('starts on Apply (Enter confirms), and reports that nothing was changed', async () => {
    const panel = createTeachPanel(document, { testing: true });
    const decided = panel.ask(sure());
    expect(panel.text).toMatch(/^PortPilot: check before it writesThis is your Spectrum RAC2V1K\. PortPilot will type into the outlined fields/);
    expect(shadow().activeElement?.id).toBe('pp-apply');
    press('pp-apply');
    expect(await decided).toMatchObject({ kind: 'apply', changed: false });
  });

  it('takes the decision from PortPilot’s popup, and Cancel ends it', async () => {
    const panel = createTeachPanel(document, { testing: true });
    const first = panel.ask(sure());
    panel.decide('apply');
    expect((await first).kind).toBe('apply');
    const second = panel.ask(sure());
    press('pp-cancel');
    expect(await second).toEqual({ kind: 'cancel' });
  });
});

describe('what the page can do to it', () => {
  it('cannot read it, and its own clicks and changes do not count', async () => {
    const panel = createTeachPanel(document);
    let decided = false;
    void panel.ask(proposal()).then(() => (decided = true));
    const host = document.querySelector('[data-portpilot="teach"]')!;
    expect(host.shadowRoot).toBeNull(); // closed
    // A script on the page "clicks" the router's buttons: not a person, so nothing is marked.
    $('add').click();
    $('save').click();
    expect(panel.text).toMatch(/Click the button on the page that saves a rule\./);
    // Removing the panel does not end the question; it comes back.
    host.remove();
    await new Promise((r) => setTimeout(r, 800));
    expect(document.querySelector('[data-portpilot="teach"]')).not.toBeNull();
    expect(decided).toBe(false);
    panel.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(decided).toBe(true);
  });
});
