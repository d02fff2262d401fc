// @vitest-environment happy-dom
/**
 * Locators find a taught field again on a later visit: by what it is, not by where it sits in a
 * list that grows; never by guessing between two candidates.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { describeElement, findByLocator, locatorOf } from '../../../extension/lib/teach/locator';

/** A Tomato-style grid: header cells, saved rows above, the new-rule editor row (inputs with classes only) last. */
function grid(saved: number, editing = false): string {
  const rows = Array.from({ length: saved }, (_, i) => `<tr><td>TCP</td><td>${1000 + i}</td><td>192.168.1.${i + 2}</td></tr>`).join('');
  const editor = (cls: string) => `<tr class="${cls}"><td><select class="fi1"><option>TCP</option><option>UDP</option></select></td><td><input class="fi2" type="text"></td><td><input class="fi3" type="text"></td></tr>`;
  return `<table id="g"><tr class="header"><th>Protocol</th><th>Ext Ports</th><th>Int Address</th></tr>${rows}${editing ? editor('editor') : ''}${editor('editor')}</table>
    <input type="button" value="Add"> <input type="button" id="save-button" value="Save">`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('a taught field', () => {
  it('is found again when saved rules were added above it', () => {
    document.body.innerHTML = grid(2);
    const ext = document.querySelector('.fi2')!;
    const loc = locatorOf(document, ext);
    expect(loc).toEqual({ frame: [], tag: 'input', type: 'text', classes: ['fi2'], label: 'Ext Ports' });
    document.body.innerHTML = grid(7);
    expect(findByLocator(document, loc)).toBe(document.querySelector('.fi2'));
  });

  it('is not guessed at when a second editor row is open beside the new-rule row', () => {
    document.body.innerHTML = grid(2);
    const loc = locatorOf(document, document.querySelector('.fi2')!);
    document.body.innerHTML = grid(2, true);
    expect(findByLocator(document, loc)).toBeNull();
  });

  it('keeps its identity when the page marks it with an error class, and is found by id or name first', () => {
    document.body.innerHTML = grid(1);
    const ext = document.querySelector('.fi2')!;
    ext.classList.add('error');
    expect(locatorOf(document, ext).classes).toEqual(['fi2']);
    document.body.innerHTML = '<form><label for="p">Port</label><input id="p" name="port" class="x"><input name="ip"></form>';
    expect(locatorOf(document, document.getElementById('p')!)).toEqual({ frame: [], tag: 'input', type: 'text', id: 'p', name: 'port', label: 'Port' });
    expect(findByLocator(document, { frame: [], tag: 'input', name: 'ip' })).toBe(document.querySelector('[name=ip]'));
  });

  it('is not found when hidden, gone, or in a frame that is not there', () => {
    document.body.innerHTML = '<input id="a" style="display:none"><input id="b">';
    expect(findByLocator(document, { frame: [], tag: 'input', id: 'a' })).toBeNull();
    expect(findByLocator(document, { frame: [], tag: 'input', id: 'zz' })).toBeNull();
    expect(findByLocator(document, { frame: [2], tag: 'input', id: 'b' })).toBeNull();
  });

  it('tells twins apart by the words naming them', () => {
    document.body.innerHTML = '<table><tr><th>Start</th><th>End</th></tr><tr><td><input class="p"></td><td><input class="p"></td></tr></table>';
    const end = document.querySelectorAll('.p')[1]!;
    const loc = locatorOf(document, end);
    expect(loc.label).toBe('End');
    expect(findByLocator(document, loc)).toBe(end);
  });
});

describe('how the panel names elements', () => {
  it('by their kind and the words beside them', () => {
    document.body.innerHTML = grid(0) + '<input type="checkbox" id="on"><label for="on">Enable</label><table><tr><td><input id="bare"></td></tr></table><button><img alt="Delete"></button>';
    expect(describeElement(document.querySelector('.fi2')!)).toBe('Text box “Ext Ports”');
    expect(describeElement(document.querySelector('.fi1')!)).toBe('List “Protocol”');
    expect(describeElement(document.getElementById('on')!)).toBe('Tick box “Enable”');
    expect(describeElement(document.getElementById('bare')!)).toBe('Text box without a label');
    expect(describeElement(document.getElementById('save-button')!)).toBe('Button “Save”');
    expect(describeElement(document.querySelector('button')!)).toBe('Button “Delete”');
  });
});
