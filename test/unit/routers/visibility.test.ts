// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { isVisible } from '../../../extension/lib/routers/generic/visibility';

const el = (id: string) => document.getElementById(id)!;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('visibility looks at the element and every ancestor', () => {
  test.each([
    ['a class-hidden modal (display is not inherited)', '<style>.modal{display:none}</style><div class="modal"><div><input id="x"></div></div>'],
    ['zero opacity on an ancestor', '<style>.sheet{opacity:0}</style><div class="sheet"><p><input id="x"></p></div>'],
    ['visibility hidden on the element', '<style>.v{visibility:hidden}</style><div class="v"><input id="x"></div>'],
    ['the hidden attribute on an ancestor', '<section hidden><input id="x"></section>'],
    ['an inert ancestor', '<div inert><input id="x"></div>'],
    ['a closed dialog', '<dialog><form><input id="x"></form></dialog>'],
    ['a closed details (not its summary)', '<details><summary>More</summary><input id="x"></details>'],
    ['aria-hidden on an ancestor', '<div aria-hidden="true"><input id="x"></div>'],
    ['an input of type hidden', '<input type="hidden" id="x">'],
  ])('hidden: %s', (_what, html) => {
    document.body.innerHTML = html;
    expect(isVisible(el('x'))).toBe(false);
  });

  test.each([
    ['a plain input', '<form><input id="x"></form>'],
    ['an open dialog', '<dialog open><input id="x"></dialog>'],
    ['the summary of a closed details', '<details><summary><input id="x"></summary></details>'],
  ])('visible: %s', (_what, html) => {
    document.body.innerHTML = html;
    expect(isVisible(el('x'))).toBe(true);
  });

  test('an element that left the document, or sits in a template, is not visible', () => {
    document.body.innerHTML = '<template><input id="t"></template><input id="x">';
    const x = el('x');
    x.remove();
    expect(isVisible(x)).toBe(false);
    const inTemplate = (document.querySelector('template') as HTMLTemplateElement).content.querySelector('input')!;
    expect(isVisible(inTemplate)).toBe(false);
  });
});
