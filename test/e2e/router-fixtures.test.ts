// The router fixtures themselves, driven by hand in real Chromium (no extension): each form page
// saves through its own JS, shows the router's error text, lists rules, and falls back to the
// login page when the session expires. If these fail, extension e2e failures mean nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../support/browser';
import { startRouterServer, type RouterServer } from '../support/router-server';
import type { RouterRule } from '../../extension/lib/apply/types';

const RULE: RouterRule = {
  name: 'Test Game',
  protocol: 'both',
  externalStart: 27015,
  externalEnd: 27030,
  internalStart: 27015,
  internalEnd: 27030,
  ip: '10.0.0.20',
  enabled: true,
};
/** A rule of the seeded user's that overlaps `rule` (port 27020). */
const clashWith = (rule: RouterRule): RouterRule => ({ ...rule, name: 'Seeded', externalStart: 27020, externalEnd: 27020, internalStart: 27020, internalEnd: 27020 });

interface Driver {
  /** The rule this router can hold, when RULE does not fit it (no name kept, a fixed subnet, a short name). */
  rule?: RouterRule;
  /** What the router's conflict message says, when it does not name the port (default: the port, 27020). */
  conflictText?: string;
  /** Where the router shows its list and its messages, when that is a frame; default the page. */
  view?(page: Page): Page | Frame;
  /** Where its messages show, when not beside the list (a list in an iframe of the form's frame). */
  messages?(page: Page): Page | Frame;
  /** Fill the form with the rule (as a person would) and press the save button. */
  save(page: Page, srv: RouterServer, rule: RouterRule): Promise<void>;
  /** false when the router's list shows no rule name (LuCI): the listed row is checked by its port. */
  listsName?: false;
}

/** The named frame of a frameset (looked up again each time: a frame inside a reloaded frame is new). */
function frameNamed(page: Page, ...names: string[]): Frame {
  let frame: Frame | undefined = page.mainFrame();
  for (const name of names) {
    frame = frame?.childFrames().find((f) => f.name() === name);
    if (!frame) throw new Error(`no frame ${names.join(' > ')}`);
  }
  return frame!;
}

/** True once the router's login page fills the tab (a frameset sends itself there as a whole). */
async function loginShown(page: Page): Promise<boolean> {
  try {
    return (await page.locator('[data-router-login]').count()) > 0;
  } catch {
    return false; // the tab is between two documents
  }
}

/** Waits until `ready` holds in the frame, or the login page took over the tab; true for the form. */
async function formOrLogin(page: Page, ready: () => Promise<boolean>): Promise<boolean> {
  let form = false;
  await expect
    .poll(
      async () => {
        if (await loginShown(page)) return true;
        try {
          form = await ready();
        } catch {
          form = false; // the frame is being replaced
        }
        return form;
      },
      { timeout: 5000 },
    )
    .toBe(true);
  return form && !(await loginShown(page));
}

/** A listed rule's text, with the values of its inputs where the list is a grid of inputs (DD-WRT). */
function shownText(row: Locator): Promise<string> {
  return row.evaluate((el: HTMLElement) => [el.innerText, ...Array.from(el.querySelectorAll('input'), (i) => i.value)].join(' '));
}

/** What the router told the person: its alert banners and its alert() boxes. */
const dialogsSeen = new WeakMap<Page, string[]>();
function watchDialogs(page: Page): void {
  dialogsSeen.set(page, []);
  page.on('dialog', (d) => {
    dialogsSeen.get(page)!.push(d.message());
    void d.accept();
  });
}
async function routerSays(page: Page, where: Page | Frame = page): Promise<string> {
  return [...(await where.getByRole('alert').allInnerTexts()), ...(dialogsSeen.get(page) ?? [])].join('\n');
}

const drivers: Record<string, Driver> = {
  rac2v1k: {
    async save(page) {
      await page.fill('#pf_service_name', RULE.name);
      await page.selectOption('#pf_protocol', 'TCP/UDP');
      await page.fill('#pf_ext_start', '27015');
      await page.fill('#pf_ext_end', '27030');
      await page.fill('#pf_int_start', '27015');
      await page.fill('#pf_int_end', '27030');
      await page.fill('#pf_ip', RULE.ip);
      await page.click('#pf_add');
    },
  },
  rac2v1a: {
    async save(page) {
      await page.fill('#PortForwardAppName', RULE.name);
      await page.fill('#PortForwardLocalIp', RULE.ip);
      await page.fill('#PortForwardPublicStart', '27015');
      await page.fill('#PortForwardPublicEnd', '27030');
      await page.fill('#PortForwardLocalStart', '27015');
      await page.fill('#PortForwardLocalEnd', '27030');
      await page.selectOption('#PortForwardProtocol', { label: 'Both' });
      await page.click('#PortForwardApply');
    },
  },
  rac2v1s: {
    async save(page) {
      await page.fill('[name=pf_name_0]', RULE.name);
      await page.selectOption('[name=pf_proto_0]', 'TCP/UDP');
      await page.fill('[name=pf_ext_start_0]', '27015');
      await page.fill('[name=pf_ext_end_0]', '27030');
      await page.fill('[name=pf_int_start_0]', '27015');
      await page.fill('[name=pf_int_end_0]', '27030');
      await page.fill('[name=pf_ip_0]', RULE.ip);
      await page.click('#apply-all');
    },
  },
  'netgear-charter': {
    async save(page) {
      if (!page.url().endsWith('/pforward.htm')) {
        await Promise.all([page.waitForURL(/pforward\.htm$/), page.click('#add_custom')]);
        // An expired session shows the login page on the way to the form, as genie does.
        if (await page.locator('[data-router-login]').count()) return;
      }
      await page.fill('#portname', RULE.name);
      await page.selectOption('#srvtype', 'TCP/UDP');
      await page.fill('#port_start', '27015');
      await page.fill('#port_end', '27030');
      const octets = RULE.ip.split('.');
      for (let i = 0; i < 4; i++) await page.fill(`#server_ip${i + 1}`, octets[i]!);
      await page.click('#apply');
    },
  },
  'arris-gateway': {
    async save(page) {
      await page.fill('#vs_desc', RULE.name);
      await page.fill('#vs_in_start', '27015');
      await page.fill('#vs_in_end', '27030');
      await page.selectOption('#vs_format', 'BOTH');
      await page.fill('#vs_ip', RULE.ip);
      await page.fill('#vs_local_start', '27015');
      await page.fill('#vs_local_end', '27030');
      await page.click('#vs_add');
    },
  },
  'tp-link-style': {
    async save(page) {
      await page.fill('[name=ServiceName]', RULE.name);
      await page.fill('[name=ExPort]', '27015-27030');
      await page.fill('[name=Ip]', RULE.ip);
      await page.selectOption('[name=Protocol]', { label: 'ALL' });
      await page.click('#Save');
    },
  },
  'asus-style': {
    async save(page) {
      await page.getByLabel('Service Name').fill(RULE.name);
      await page.getByLabel('Port Range').fill('27015:27030');
      await page.getByLabel('Local IP').fill(RULE.ip);
      await page.getByLabel('Protocol').selectOption('BOTH');
      await page.click('#vts_add');
    },
  },
  'asuswrt-stock': {
    async save(page) {
      await page.fill('#vts_desc_x_0', RULE.name);
      await page.fill('#vts_port_x_0', '27015:27030');
      await page.fill('#vts_ipaddr_x_0', RULE.ip);
      await page.selectOption('#vts_proto_x_0', 'BOTH');
      await page.click('#vts_rulelist_0');
      await page.click('input.button_gen[value=Apply]');
    },
  },
  'asuswrt-merlin': {
    async save(page) {
      await page.click('input.button_gen[value="Add profile"]');
      await page.fill('#vts_desc_x', RULE.name);
      await page.selectOption('#vts_proto_x', 'BOTH');
      await page.fill('#vts_port_x', '27015:27030');
      await page.fill('#vts_ipaddr_x', RULE.ip);
      await page.click('#saveProfile');
    },
  },
  'dd-wrt': {
    async save(page) {
      // The rows come from the router's list; Add answers with the page one empty row longer.
      await page.waitForFunction(() => document.querySelectorAll('#forward_table tr').length > 1);
      const row = await page.locator('#forward_table input[name^=name]').count();
      await Promise.all([page.waitForEvent('load'), page.click('input[name=add_button]')]);
      if (await loginShown(page)) return;
      await page.waitForSelector(`input[name=name${row}]`);
      await page.fill(`[name=name${row}]`, RULE.name);
      await page.fill(`[name=from${row}]`, '27015');
      await page.fill(`[name=to${row}]`, '27030');
      await page.selectOption(`[name=pro${row}]`, 'both');
      await page.fill(`[name=ip${row}]`, RULE.ip);
      await page.check(`[name=enable${row}]`);
      await page.click('input[name=save_button]');
    },
  },
  freshtomato: {
    async save(page) {
      // The new-entry editor's inputs have no name: find them by the column they sit under.
      const editor = page.locator('#fo-grid tr.editor').last();
      await editor.waitFor();
      await editor.locator('select.fi2').selectOption({ label: 'Both' });
      await editor.locator('input.fi4').fill('27015-27030');
      await editor.locator('input.fi6').fill(RULE.ip);
      await editor.locator('input.fi7').fill(RULE.name);
      await page.locator('#fo-grid tr.controls input[value=Add]').click();
      await page.click('#save-button');
    },
  },
  'openwrt-luci': {
    listsName: false,
    async save(page) {
      await page.click('button.cbi-button-add');
      const modal = page.locator('#modal_overlay .modal');
      await modal.locator('input[id$=".name"]').fill(RULE.name);
      await modal.locator('input[id$=".src_dport"]').fill('27015-27030');
      // Internal IP address: LuCI's drop-down, with an entry box for an address of one's own.
      const ip = modal.locator('div.cbi-dropdown[id$=".dest_ip"]');
      await ip.click();
      await ip.locator('input.create-item-input').fill(RULE.ip);
      await ip.locator('input.create-item-input').press('Enter');
      await modal.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Save & Apply' }).click();
    },
  },
  pfsense: {
    async save(page) {
      if (!page.url().includes('firewall_nat_edit.php')) {
        await Promise.all([page.waitForURL(/firewall_nat_edit\.php/), page.click('a[title="Add rule to the end of the list"]')]);
        if (await loginShown(page)) return;
      }
      await page.selectOption('#proto', 'tcp/udp');
      await page.fill('#dstbeginport_cust', '27015');
      await page.fill('#dstendport_cust', '27030');
      await page.fill('#localip', RULE.ip);
      await page.fill('#localbeginport_cust', '27015');
      await page.fill('#descr', RULE.name);
      await page.click('#save');
    },
  },
  'dlink-style': {
    async save(page) {
      await page.getByPlaceholder('Name').fill(RULE.name);
      await page.getByLabel('Local IP address').fill(RULE.ip);
      await page.getByLabel('Protocol').selectOption('Both');
      await page.getByLabel('Public port range start').fill('27015');
      await page.getByLabel('Public port range end').fill('27030');
      await page.getByRole('button', { name: 'Save' }).click();
    },
  },
  'tplink-classic': {
    rule: { ...RULE, name: '' }, // Virtual Servers keeps no name
    view: (page) => frameNamed(page, 'mainFrame'),
    async save(page, _srv, rule) {
      const main = frameNamed(page, 'mainFrame');
      await main.waitForSelector('input[name=Addnew]');
      await main.click('input[name=Addnew]');
      if (!(await formOrLogin(page, async () => (await main.locator('input[name=ExPort]').count()) > 0))) return;
      await main.fill('input[name=ExPort]', `${rule.externalStart}-${rule.externalEnd}`);
      await main.fill('input[name=Ip]', rule.ip);
      await main.selectOption('select[name=Protocol]', { label: 'All' });
      await main.click('input[name=Save]');
    },
  },
  'tplink-newer': {
    conflictText: 'conflicts with existed items', // the page's own check, before anything is sent
    async save(page, _srv, rule) {
      await page.click('#virtualServersGrid a.btn-add');
      await page.fill('#virtual_name', rule.name);
      await page.fill('#external_port', `${rule.externalStart}-${rule.externalEnd}`);
      await page.fill('#virtual_ipaddr', rule.ip);
      await page.click('.combobox-switch');
      await page.click('label.combobox-label[data-value=ALL]');
      await page.click('td.editor-container button.btn-submit');
    },
  },
  'netgear-genie': {
    rule: { ...RULE, ip: '192.168.1.20' }, // the form only takes addresses in the router's own subnet
    conflictText: 'being used by other configurations', // the page's own alert(), before anything is sent
    view: (page) => frameNamed(page, 'formframe'),
    async save(page, _srv, rule) {
      const frame = () => frameNamed(page, 'formframe');
      await frame().waitForSelector('#add_long');
      await frame().click('#add_long');
      // "Please wait a moment...", then the form; or the login page when the session lapsed.
      if (!(await formOrLogin(page, async () => (await frame().locator('input[name=portname]').count()) > 0))) return;
      const f = frame();
      await f.fill('input[name=portname]', rule.name);
      await f.selectOption('select[name=srvtype]', 'TCP/UDP');
      await f.fill('input[name=port_start]', String(rule.externalStart));
      await f.fill('input[name=port_end]', String(rule.externalEnd));
      const octets = rule.ip.split('.');
      for (let i = 0; i < 4; i++) await f.fill(`input[name=server_ip${i + 1}]`, octets[i]!);
      await f.click('input[name=Apply]');
    },
  },
  'linksys-range-grid': {
    rule: { ...RULE, ip: '192.168.1.20' }, // the address box takes the last number after the printed 192.168.1.
    async save(page, srv, rule) {
      // The saved rules are written into the first rows once the page has them.
      await expect.poll(() => page.locator('tr[data-rule-id]').count()).toBe(Math.min(srv.rules().length, 10));
      // The first row still holding the firmware's empty defaults.
      const rows = await page.locator('tr[data-row]').count();
      let row = -1;
      for (let i = 0; i < rows && row < 0; i++) if ((await page.inputValue(`[name=ip${i}]`)) === '0') row = i;
      await page.fill(`[name=name${row}]`, rule.name);
      await page.fill(`[name=from${row}]`, String(rule.externalStart));
      await page.fill(`[name=to${row}]`, String(rule.externalEnd));
      await page.selectOption(`[name=pro${row}]`, 'both');
      await page.fill(`[name=ip${row}]`, rule.ip.split('.')[3]!);
      await page.check(`[name=enable${row}]`);
      await page.click('text=Save Settings');
    },
  },
  'xb3-cable-gateway': {
    rule: { ...RULE, ip: '192.168.1.20' }, // the address must be inside the gateway's DHCP pool
    async save(page, _srv, rule) {
      if (!page.url().endsWith('/port_forwarding_add.jst')) {
        await Promise.all([page.waitForURL(/port_forwarding_add\.jst$/), page.click('#add-service')]);
        if (await loginShown(page)) return;
      }
      await page.fill('#service_name', rule.name);
      await page.selectOption('#service_type', { label: 'TCP/UDP' });
      const octets = rule.ip.split('.');
      for (let i = 0; i < 4; i++) await page.fill(`#server_ip_address_${i + 1}`, octets[i]!);
      await page.fill('#start_port', String(rule.externalStart));
      await page.fill('#end_port', String(rule.externalEnd));
      await page.click('#btn-save');
    },
  },
  'trendchip-dsl-slots': {
    view: (page) => frameNamed(page, 'main', 'cgi_frame'),
    messages: (page) => frameNamed(page, 'main'),
    async save(page, _srv, rule) {
      const main = () => frameNamed(page, 'main');
      const list = () => frameNamed(page, 'main', 'cgi_frame');
      // The ten slots are listed once the iframe has them.
      await expect.poll(() => list().locator('#CgiInnerTable tr').count(), { timeout: 5000 }).toBe(11);
      // A person picks an empty slot with its pen, then fills the form it reset to 0 / 0.0.0.0.
      await list().locator('#CgiInnerTable tr:not([data-rule-id]) img').first().click();
      expect(await main().inputValue('[name=Addr]')).toBe('0.0.0.0');
      await main().fill('[name=Application]', rule.name);
      await main().selectOption('[name=SelectProtocol]', 'ALL');
      await main().fill('[name=start_port]', String(rule.externalStart));
      await main().fill('[name=end_port]', String(rule.externalEnd));
      await main().fill('[name=Addr]', rule.ip);
      await main().fill('[name=local_sport]', String(rule.internalStart));
      await main().fill('[name=local_eport]', String(rule.internalEnd));
      await main().click('[name=SaveBtn]');
    },
  },
};

describe('router fixtures in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, driver] of Object.entries(drivers)) {
    describe(name, () => {
      let srv: RouterServer;
      let page: Page;
      beforeAll(async () => {
        srv = await startRouterServer(name);
        page = await browser.newPage();
        watchDialogs(page);
      });
      afterAll(async () => {
        await page?.close();
        await srv?.close();
      });
      beforeEach(() => {
        dialogsSeen.get(page)?.splice(0);
      });

      const rule = driver.rule ?? RULE;
      const view = () => driver.view?.(page) ?? page;
      const messages = () => driver.messages?.(page) ?? view();

      it('saves a rule through its own form and lists it', async () => {
        srv.reset();
        await page.goto(srv.url);
        await driver.save(page, srv, rule);
        await expect.poll(() => srv.rules().length, { timeout: 5000 }).toBe(1);
        const { id: _id, ...stored } = srv.rules()[0]!;
        expect(stored).toEqual(rule);
        await page.waitForLoadState('load');
        if (srv.fixture.formPage) await page.waitForURL((u) => u.pathname === srv.fixture.page);
        await expect
          .poll(() => view().locator(`[data-rule-id="${_id}"]`).first().isVisible(), { timeout: 5000 })
          .toBe(true);
        await expect
          .poll(() => shownText(view().locator(`[data-rule-id="${_id}"]`).first()))
          .toContain(driver.listsName === false ? String(rule.externalStart) : rule.name);
      });

      it("shows the router's conflict text and stores nothing", async () => {
        srv.reset({ rules: [clashWith(rule)] });
        await page.goto(srv.url);
        await driver.save(page, srv, rule);
        await expect.poll(() => routerSays(page, messages()), { timeout: 5000 }).toContain(driver.conflictText ?? '27020');
        expect(srv.rules().map((r) => r.externalStart)).toEqual([27020]);
      });

      it('shows a one-shot error text', async () => {
        srv.reset({ failNext: 'Error: configuration is locked' });
        await page.goto(srv.url);
        await driver.save(page, srv, rule);
        await expect.poll(() => routerSays(page, messages()), { timeout: 5000 }).toContain('configuration is locked');
        expect(srv.rules()).toEqual([]);
      });

      it('falls back to the login page when the session expired, and back after login', async () => {
        srv.reset();
        await page.goto(srv.url);
        srv.reset({ expireSession: true });
        await driver.save(page, srv, rule);
        await page.waitForSelector('[data-router-login]', { timeout: 5000 });
        expect(srv.rules()).toEqual([]);
        await page.fill('input[type=password]', 'password');
        await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/__fixture')), page.click('#login-button')]);
        await page.waitForLoadState('load');
        expect(await page.locator('[data-router-login]').count()).toBe(0);
        expect(srv.sessionExpired()).toBe(false);
      });
    });
  }

  it('rac2v1s saves filled rows in order and stops at the first error', async () => {
    const srv = await startRouterServer('rac2v1s');
    const page = await browser.newPage();
    try {
      srv.reset({ rules: [clashWith(RULE)] });
      await page.goto(srv.url);
      const row = async (i: number, name: string, port: number) => {
        await page.fill(`[name=pf_name_${i}]`, name);
        await page.fill(`[name=pf_ext_start_${i}]`, String(port));
        await page.fill(`[name=pf_ip_${i}]`, RULE.ip);
      };
      await row(0, 'First', 3074);
      await row(1, 'Clashes', 27020);
      await row(2, 'Never sent', 3075);
      await page.click('#apply-all');
      await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 5000 }).toContain('Row 2');
      expect(srv.rules().map((r) => r.name)).toEqual(['Seeded', 'First']);
      expect(await page.inputValue('[name=pf_name_0]')).toBe('');
      expect(await page.inputValue('[name=pf_name_2]')).toBe('Never sent');
    } finally {
      await page.close();
      await srv.close();
    }
  });

  /** A fresh page on a fresh server for one fixture's own behaviour. */
  async function onFixture(name: string, fn: (page: Page, srv: RouterServer) => Promise<void>): Promise<void> {
    const srv = await startRouterServer(name);
    const page = await browser.newPage();
    watchDialogs(page);
    try {
      await fn(page, srv);
    } finally {
      await page.close();
      await srv.close();
    }
  }

  it('asuswrt-stock: the + icon lists the row in the page but stores nothing until Apply; Apply keeps the other rules', () =>
    onFixture('asuswrt-stock', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE)] });
      await page.goto(srv.url);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(1);
      await page.fill('#vts_desc_x_0', 'Voice');
      await page.fill('#vts_port_x_0', '3478');
      await page.fill('#vts_ipaddr_x_0', RULE.ip);
      await page.selectOption('#vts_proto_x_0', 'UDP');
      await page.click('#vts_rulelist_0');
      await expect.poll(() => page.locator('#vts_rulelist_Block_0 tr').count()).toBe(2);
      expect(await page.inputValue('#vts_port_x_0')).toBe('');
      expect(srv.writes()).toEqual([]);
      await page.click('#vts_rulelist_0');
      expect(dialogsSeen.get(page)).toEqual(['Local IP or port range fields cannot be empty!']);
      await page.click('input.button_gen[value=Apply]');
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Seeded', 'Voice']);
      expect(srv.rules()[0]!.id).toBe(1);
      expect(await page.inputValue('[name=vts_ftpport]')).toBe('2021');
    }));

  it('asuswrt-merlin: the pop-up is hidden until opened; Edit opens it filled with that rule and OK replaces it; Delete asks first', () =>
    onFixture('asuswrt-merlin', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE), { ...clashWith(RULE), name: 'Other', protocol: 'tcp', externalStart: 80, externalEnd: 80, internalStart: 80, internalEnd: 80 }] });
      await page.goto(srv.url);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(2);
      expect(await page.isVisible('#vts_port_x')).toBe(false);
      await page.locator('[data-rule-id="2"] input.edit_btn').click();
      expect(await page.isVisible('#vts_port_x')).toBe(true);
      expect(await page.inputValue('#vts_port_x')).toBe('80');
      expect(await page.inputValue('#vts_desc_x')).toBe('Other');
      await page.fill('#vts_desc_x', 'Web');
      await page.click('#saveProfile');
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Seeded', 'Web']);
      expect(await page.isVisible('#vts_port_x')).toBe(false);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(2);
      await page.locator('[data-rule-id="1"] input.remove_btn').click();
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Web']);
      expect(dialogsSeen.get(page)).toEqual(['Are you sure you want to delete this profile?']);
    }));

  it("dd-wrt: the user's rules are editable rows; Save stores every row at once; the icon-only delete removes one", () =>
    onFixture('dd-wrt', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE), { ...RULE, name: 'NAS', protocol: 'tcp', externalStart: 5000, externalEnd: 5000, internalStart: 5000, internalEnd: 5000 }] });
      await page.goto(srv.url);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(2);
      expect(await page.inputValue('[name=from1]')).toBe('5000');
      expect(await page.$eval('[name=pro0]', (s: HTMLSelectElement) => s.options[s.selectedIndex]!.text)).toBe('Both');
      await page.fill('[name=name1]', 'Files');
      await page.click('input[name=apply_button]');
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Seeded', 'Files']);
      await page.waitForLoadState('load');
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(2);
      await Promise.all([page.waitForEvent('load'), page.click('input[name=add_button]')]);
      await page.waitForSelector('input[name=name2]');
      expect(await page.inputValue('[name=ip2]')).toBe('');
      expect(await page.inputValue('[name=pro2]')).toBe('tcp');
      await page.click('input[name=save_button]');
      await expect.poll(() => page.locator('input[name=name2]').count()).toBe(0);
      expect(srv.rules()).toHaveLength(2);
      await page.locator('[data-rule-id="1"] input.remove').click();
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Files']);
      await expect.poll(() => page.getByRole('button', { name: 'Delete' }).count()).toBe(1);
    }));

  it('freshtomato: Add checks the row and keeps it in the grid; Save does nothing while a row is being edited', () =>
    onFixture('freshtomato', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE)] });
      await page.goto(srv.url);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(1);
      expect(await page.locator('#fo-grid tr.header td').allInnerTexts()).toEqual(['On', 'Protocol', 'Src Address', 'Ext Ports', 'Int Port', 'Int Address', 'Description']);
      expect(await page.locator('#fo-grid tr.editor input[name], #fo-grid tr.editor input[id]').count()).toBe(0);
      const editor = page.locator('#fo-grid tr.editor').last();
      await editor.locator('input.fi4').fill('3478');
      await page.locator('#fo-grid tr.controls input[value=Add]').click();
      expect(dialogsSeen.get(page)).toEqual(['Invalid IP address: "".']);
      await editor.locator('input.fi6').fill(RULE.ip);
      await editor.locator('input.fi7').fill('Voice');
      await page.locator('#fo-grid tr.controls input[value=Add]').click();
      await expect.poll(() => page.locator('#fo-grid tr.odd, #fo-grid tr.even').count()).toBe(2);
      expect(srv.writes()).toEqual([]);
      await page.locator('[data-rule-id="1"] td.co7').click();
      expect(await page.locator('#fo-grid tr.editor').first().locator('input.fi7').inputValue()).toBe('Seeded');
      await page.click('#save-button');
      await new Promise((r) => setTimeout(r, 300));
      expect(srv.writes()).toEqual([]);
      await page.locator('#fo-grid tr.controls input[value=Cancel]').click();
      await page.click('#save-button');
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Seeded', 'Voice']);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(2);
    }));

  it('openwrt-luci: the modal only stages, the page Save stores nothing, Save & Apply stores; the closed modal stays hidden in the page', () =>
    onFixture('openwrt-luci', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE)] });
      await page.goto(srv.url);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(1);
      expect(await page.locator('table.cbi-section-table th').allInnerTexts()).toEqual(['Match', 'Action', 'Enable', '']);
      expect(await page.locator('table.cbi-section-table').innerText()).not.toContain('Seeded');
      await page.locator('[data-rule-id="1"] button.cbi-button-edit').click();
      const modal = page.locator('#modal_overlay .modal');
      expect(await modal.locator('input[id$=".name"]').inputValue()).toBe('Seeded');
      expect(await modal.locator('input[id$=".src_port"]').isVisible()).toBe(false);
      await modal.getByRole('button', { name: 'Dismiss' }).click();
      expect(await modal.locator('input[id$=".src_dport"]').count()).toBe(1);
      expect(await modal.locator('input[id$=".src_dport"]').isVisible()).toBe(false);
      await page.click('button.cbi-button-add');
      await modal.locator('input[id$=".name"]').fill('Voice');
      await modal.locator('input[id$=".src_dport"]').fill('3478');
      await modal.locator('div.cbi-dropdown[id$=".proto"]').click();
      await modal.locator('div.cbi-dropdown[id$=".proto"] li[data-value=tcp]').click();
      await modal.locator('div.cbi-dropdown[id$=".dest_ip"]').click();
      await modal.locator('div.cbi-dropdown[id$=".dest_ip"] li[data-value="192.168.1.50"]').click();
      await modal.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('tr.cbi-section-table-row').count()).toBe(2);
      expect(await page.locator('#indicators').innerText()).toBe('Unsaved Changes: 1');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect(srv.writes()).toEqual([]);
      await page.getByRole('button', { name: 'Save & Apply' }).click();
      await expect.poll(() => srv.rules().map((r) => `${r.name} ${r.protocol} ${r.externalStart} ${r.ip}`)).toEqual(['Seeded both 27020 10.0.0.20', 'Voice udp 3478 192.168.1.50']);
      await expect.poll(() => page.locator('[data-rule-id]').count()).toBe(2);
    }));

  it('pfsense: Source is hidden behind Display Advanced; a well-known port comes from the select; the list then asks to apply; delete asks first', () =>
    onFixture('pfsense', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE)] });
      await page.goto(srv.origin + '/firewall_nat_edit.php');
      expect(await page.isVisible('#srcbeginport')).toBe(false);
      await page.click('#btnsrcadv');
      expect(await page.isVisible('#srcbeginport')).toBe(true);
      await page.selectOption('#proto', 'udp');
      await page.selectOption('#dstbeginport', { label: 'STUN' });
      expect(await page.inputValue('#dstendport')).toBe('3478');
      expect(await page.isDisabled('#dstbeginport_cust')).toBe(true);
      await page.fill('#localip', '192.168.1.50');
      await page.click('#save');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('Redirect target port is not valid');
      await page.selectOption('#localbeginport', { label: 'STUN' });
      await page.fill('#descr', 'Voice');
      await Promise.all([page.waitForURL(/firewall_nat\.php$/), page.click('#save')]);
      expect(srv.rules().map((r) => `${r.name} ${r.protocol} ${r.externalStart}-${r.externalEnd} ${r.internalStart}`)).toEqual(['Seeded both 27020-27020 27020', 'Voice udp 3478-3478 3478']);
      await expect.poll(() => page.locator('[data-rule-id="2"]').innerText()).toContain('3478 (STUN)');
      expect(await page.locator('#notices').innerText()).toContain('The changes must be applied');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Apply Changes' }).click()]);
      await expect.poll(() => page.locator('#notices').innerText()).toContain('applied successfully');
      await page.locator('[data-rule-id="1"] a[title="Delete rule"]').click();
      await expect.poll(() => srv.rules().map((r) => r.name)).toEqual(['Voice']);
      expect(dialogsSeen.get(page)).toEqual(['Are you sure you wish to delete rule?']);
    }));

  it('slow saves keep the page busy until the router answers', async () => {
    const srv = await startRouterServer('rac2v1k');
    const page = await browser.newPage();
    try {
      srv.reset({ delayMs: 800 });
      await page.goto(srv.url);
      const t0 = Date.now();
      await drivers.rac2v1k!.save(page, srv, RULE);
      expect(await page.isDisabled('#pf_add')).toBe(true);
      await expect.poll(() => srv.rules().length, { timeout: 5000 }).toBe(1);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    } finally {
      await page.close();
      await srv.close();
    }
  });

  it('app-only and login fixtures render their markers', async () => {
    const app = await startRouterServer('spectrum-advanced-wifi');
    const login = await startRouterServer('router-login');
    const page = await browser.newPage();
    try {
      await page.goto(app.url);
      expect(await page.title()).toBe('Spectrum Advanced WiFi');
      expect(await page.locator('#app-managed').innerText()).toContain('My Spectrum app');
      expect(await page.locator('form').count()).toBe(0);
      await page.goto(login.url);
      expect(await page.locator('[data-router-login] input[type=password]').count()).toBe(1);
      await page.fill('#password', 'x');
      await Promise.all([page.waitForURL(/index\.html$/), page.click('#login-button')]);
    } finally {
      await page.close();
      await app.close();
      await login.close();
    }
  });

  it("trendchip-dsl-slots: the form opens on slot 0 holding the user's rule, and APPLY without picking a slot overwrites it, as the firmware does", () =>
    onFixture('trendchip-dsl-slots', async (page, srv) => {
      srv.reset({ rules: [{ ...clashWith(RULE), name: 'NAS' }] });
      await page.goto(srv.url);
      const main = () => frameNamed(page, 'main');
      const list = () => frameNamed(page, 'main', 'cgi_frame');
      await expect.poll(() => list().locator('#CgiInnerTable tr').count()).toBe(11);
      await expect.poll(() => main().inputValue('[name=Application]')).toBe('NAS');
      expect(await main().inputValue('[name=editnum]')).toBe('0');
      // The listing's icons are real images a person can see and click.
      expect(await list().locator('img').first().evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(16);
      await main().fill('[name=Application]', 'Game');
      await main().fill('[name=start_port]', '3074');
      await main().fill('[name=end_port]', '3074');
      await main().fill('[name=local_sport]', '3074');
      await main().fill('[name=local_eport]', '3074');
      await main().click('[name=SaveBtn]');
      await expect.poll(() => srv.slots()[0]?.name).toBe('Game');
      expect(srv.rules().map((r) => r.name)).toEqual(['Game']);
    }));

  it('tplink-classic: Delete All asks with confirm() first and then deletes every entry', () =>
    onFixture('tplink-classic', async (page, srv) => {
      srv.reset({ rules: [clashWith(RULE)] });
      await page.goto(srv.url);
      const main = frameNamed(page, 'mainFrame');
      await expect.poll(() => main.locator('[data-rule-id]').count()).toBe(1);
      await main.click('input[name=Delall]');
      await expect.poll(() => srv.rules().length).toBe(0);
      expect(dialogsSeen.get(page)).toEqual(['Delete all entries?']);
    }));
});
