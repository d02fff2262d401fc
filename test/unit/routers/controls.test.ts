// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { isDestructive, isGenericConfirm, purposeOf, refusal, safeControlsIn } from '../../../extension/lib/routers/generic/controls';
import { editorControls } from '../../../extension/lib/routers/generic/editor-controls';
import { findFields } from '../../../extension/lib/routers/generic/editors';
import { recordOpenedDialog } from '../../../extension/lib/routers/generic/opened';

const FIELDS = `<label>Service Name <input name="n"></label><label>External Port <input name="p"></label>
  <label>Device IP <input name="ip"></label><label>Protocol <select name="pr"><option>TCP</option><option>UDP</option><option>Both</option></select></label>`;
const $ = (sel: string) => document.querySelector(sel) as HTMLElement;
const mapped = () => {
  const r = findFields(document);
  if (!r.ok) throw new Error(r.reason);
  return r.fields;
};

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('what a control says', () => {
  test.each([
    ['<button>Delete All</button>', true],
    ['<input type="button" value="Remove">', true],
    ['<button title="Reset to defaults">↺</button>', true],
    ['<button aria-label="Reboot router">⏻</button>', true],
    ['<a href="#" onclick="delRow(3)">x</a>', true],
    ['<button type="reset">Clear</button>', true],
    ['<button class="btn btn-default">Save</button>', false],
    ['<button>Save Rule</button>', false],
  ])('%s destructive: %s', (html, want) => {
    document.body.innerHTML = html;
    expect(isDestructive(document.body.firstElementChild!)).toBe(want);
  });

  test('generic confirmations and purposes', () => {
    document.body.innerHTML = '<button id="ok">OK</button><button id="yes">Yes</button><button id="apply">Apply Settings</button><input type="button" id="icon" class="add_btn" value=""><button id="plus">+</button>';
    expect(isGenericConfirm($('#ok'))).toBe(true);
    expect(isGenericConfirm($('#yes'))).toBe(true);
    expect(isGenericConfirm($('#apply'))).toBe(false);
    expect(purposeOf($('#apply'))).toBe('save');
    expect(purposeOf($('#icon'))).toBe('add');
    expect(purposeOf($('#plus'))).toBe('add');
  });
});

describe('only the form\'s own safe button is pressed', () => {
  test('never a button of the whole page: a form without its own button has none', () => {
    document.body.innerHTML = `<form id="f">${FIELDS}</form><div><button id="page-apply">Apply</button></div>`;
    const r = editorControls($('#f'), mapped());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/no Save or Add button of its own/);
  });

  test('the form\'s "Save Rule", never the OK of a hidden "Delete all?" dialog before it', () => {
    document.body.innerHTML = `<style>.modal{display:none}</style><div class="modal"><p>Delete ALL rules?</p><button id="ok">OK</button></div>
      <form id="f">${FIELDS}<button type="button" id="save">Save Rule</button><button type="button">Delete</button></form>`;
    const r = editorControls($('#f'), mapped());
    expect(r.ok && r.controls.submit.id).toBe('save');
    expect(refusal($('#ok'), [])).toMatch(/hidden/);
  });

  test('a button in another dialog is not the form\'s, even when visible', () => {
    document.body.innerHTML = `<div role="dialog"><button id="apply">Apply</button></div><div id="wrap"><div id="box">${FIELDS}</div></div>`;
    const f = mapped();
    expect(safeControlsIn(document.body, [f.extStart]).map((b) => b.id)).toEqual([]);
  });

  test('a bare OK only saves a pop-up PortPilot opened itself', () => {
    document.body.innerHTML = `<div class="pop_div_bg" id="pop">${FIELDS}<input type="button" id="ok" value="OK"><input type="button" value="Cancel"></div>`;
    const f = mapped();
    expect(editorControls($('#pop'), f).ok).toBe(false);
    recordOpenedDialog($('#pop'));
    const r = editorControls($('#pop'), f);
    expect(r.ok && r.controls.submit.id).toBe('ok');
  });

  test('stage then commit: the row\'s own Add, then the page\'s Apply (ASUS)', () => {
    document.body.innerHTML = `<form id="f"><table id="t"><tr><th>Service Name</th><th>Port Range</th><th>Local IP</th><th>Protocol</th><th>Add</th></tr>
      <tr id="row"><td><input name="d"></td><td><input name="p"></td><td><input name="ip"></td><td><select name="pr"><option>TCP</option><option>UDP</option><option>BOTH</option></select></td>
      <td><input type="button" class="add_btn" value=""></td></tr></table><input type="button" id="apply" class="button_gen" value="Apply"></form>`;
    const r = editorControls($('#row'), mapped());
    expect(r.ok && [r.controls.submit.className, r.controls.commit?.id]).toEqual(['add_btn', 'apply']);
  });
});
