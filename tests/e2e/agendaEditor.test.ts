// The agenda editor on the Agenda page in Chromium, by keyboard only: open it, rename an item,
// change its time box (a wrong one refused in words, nothing saved), move it with Alt+ArrowDown
// (announced, focus kept), add and remove items, save with Ctrl+Enter; a reload shows the saved
// agenda; the quarterly template after a confirm; and the editor disabled while the meeting runs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import type { MeetingStateT } from '../../shared/api';
import { openSignedInPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

describe.skipIf(!findChromium())('the agenda editor (browser)', () => {
  const dir = tempDir('planroom-agenda-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  const state = async (): Promise<MeetingStateT> =>
    ((await (await served.post('meeting.state', {})).json()) as { data: MeetingStateT }).data;
  const titles = async (): Promise<string[]> => (await state()).items.map((i) => i.title);
  const editor = () => page.getByRole('region', { name: 'Agenda editor' });
  /** What has the keyboard focus: its accessible label, or its value for an input. */
  // Evaluated in the page (as text: the tests compile without the DOM's types).
  const focused = () =>
    page.evaluate<{ label: string; value: string }>(`(() => {
      const el = document.activeElement;
      return { label: el?.getAttribute('aria-label') ?? el?.textContent ?? '', value: el?.value ?? '' };
    })()`);
  /** Replaces what the focused input holds, as a person does: select all, type. */
  const retype = async (text: string) => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  };

  beforeAll(async () => {
    served = await startServe(join(dir, 'agenda.db'));
    ({ browser, page } = await openSignedInPage(served));
    await page.goto(`${served.url}#/agenda`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('opens by keyboard on the first title, and refuses a wrong time box in words without saving', async () => {
    const before = await titles();
    await page.getByRole('button', { name: 'Edit agenda' }).focus();
    await page.keyboard.press('Enter');
    await editor().waitFor(WAIT);
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Title, item 1');
    // The owner role suggests the KPI owners and the roles already on the agenda.
    const roles = page.locator('#agenda-owner-roles option');
    await expect
      .poll(() => roles.evaluateAll((os) => os.map((o) => o.getAttribute('value'))), WAIT)
      .toEqual(expect.arrayContaining(['COO', 'Facilitator', 'Sales', 'Operations']));

    // Rename item 2 and give it a time box of 300 minutes: over the 240 allowed.
    await page.getByRole('textbox', { name: 'Title, item 2' }).focus();
    await retype('Demand review');
    await page.keyboard.press('Tab'); // function
    await page.keyboard.press('Tab'); // owner role
    await retype('VP Sales');
    await page.keyboard.press('Tab'); // minutes
    await retype('300');
    const refusal = editor().locator('.field-error', { hasText: 'Type whole minutes from 1 to 240 (for example 15).' });
    await refusal.waitFor(WAIT);
    expect(await page.getByRole('textbox', { name: 'Minutes, item 2' }).getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'agenda-editor-refused.png') });

    // Ctrl+Enter does not save: focus goes to the field to fix, the server's agenda is as it was.
    await page.getByRole('textbox', { name: 'Title, item 1' }).focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Minutes, item 2');
    await expect
      .poll(() => page.locator('.agenda-editor [role="status"][aria-live]').textContent(), WAIT)
      .toMatch(/^Not saved: 1 field\(s\) to fix/);
    expect(await titles()).toEqual(before);
    await retype('20');
    await expect.poll(() => refusal.count(), WAIT).toBe(0);
    await expect
      .poll(() => editor().getByLabel('Total minutes').textContent(), WAIT)
      .toBe('Total 95 min over 7 item(s)');
  });

  it('moves an item with Alt+ArrowDown, announcing it and keeping its focus; adds and removes items', async () => {
    await page.getByRole('textbox', { name: 'Title, item 2' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(focused, WAIT).toEqual({ label: 'Title, item 3', value: 'Demand review' });
    await expect
      .poll(() => page.locator('.agenda-editor [role="status"][aria-live]').textContent(), WAIT)
      .toBe('"Demand review" moved to place 3 of 7.');
    await page.screenshot({ path: join(SHOTS, 'agenda-editor-moved.png') });

    // Add an item at the end: focus lands on its title.
    await editor().getByRole('button', { name: 'Add item' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Title, item 8');
    await page.keyboard.type('Portfolio and long-range capacity');
    await page.keyboard.press('Tab'); // function: Executive by default
    await page.keyboard.press('Tab');
    await page.keyboard.type('CEO');
    await page.keyboard.press('Tab');
    await retype('5');

    // Remove the warehouse item (5): focus goes to the row that took its place; Undo is offered.
    await editor().getByRole('button', { name: 'Remove "Warehouse: stock below safety, turns"' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(focused, WAIT)
      .toEqual({ label: 'Title, item 5', value: 'Finance: revenue, margin, inventory value' });
    await editor().getByRole('button', { name: 'Undo' }).waitFor(WAIT);
    await expect
      .poll(() => editor().getByLabel('Total minutes').textContent(), WAIT)
      .toBe('Total 90 min over 7 item(s)');
    await page.screenshot({ path: join(SHOTS, 'agenda-editor-edited.png') });
  });

  it('saves with Ctrl+Enter: the page, the overview and a reload show the new agenda', async () => {
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(titles, WAIT)
      .toEqual([
        "Last cycle's decisions: done, and what they moved",
        'Supply: capacity and plan adherence',
        'Demand review',
        'Logistics: OTIF risk, lanes and freight cost',
        'Finance: revenue, margin, inventory value',
        'Executive decisions: choose scenarios, rank decisions',
        'Portfolio and long-range capacity',
      ]);
    const s = await state();
    expect(s.items[2]).toMatchObject({ ownerRole: 'VP Sales', minutes: 20, function: 'demand' });
    expect(s.items[6]).toMatchObject({ ownerRole: 'CEO', minutes: 5, function: 'executive' });
    // The editor closed and focus went back to its button; the list shows the saved agenda.
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Edit agenda');
    const list = page.locator('ol.agenda:not(.run-list) .agenda-title');
    await expect.poll(() => list.allTextContents(), WAIT).toEqual(s.items.map((i) => i.title));
    await expect.poll(() => page.getByRole('heading', { name: /^Agenda/ }).textContent(), WAIT).toBe('Agenda 90 min');

    await page.reload();
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    await expect.poll(() => list.allTextContents(), WAIT).toEqual(s.items.map((i) => i.title));
  });

  it('applies the quarterly template after a confirm, and Escape cancels the editor', async () => {
    await page.getByRole('button', { name: 'Edit agenda' }).focus();
    await page.keyboard.press('Enter');
    await editor().getByRole('button', { name: 'Quarterly' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor(WAIT);
    // Focus starts on the safe answer; Escape closes the confirm, not the editor.
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Keep the items');
    await page.screenshot({ path: join(SHOTS, 'agenda-editor-template-confirm.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count(), WAIT).toBe(0);
    await editor().waitFor(WAIT);

    await editor().getByRole('button', { name: 'Quarterly' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Replace with quarterly' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state()).items.length, WAIT).toBe(8);
    expect(await titles()).toContain('Strategy: product portfolio and long-range capacity');
    await expect
      .poll(() => editor().getByLabel('Total minutes').textContent(), WAIT)
      .toBe('Total 160 min over 8 item(s)');
    await page.screenshot({ path: join(SHOTS, 'agenda-editor-quarterly.png') });

    await page.getByRole('textbox', { name: 'Title, item 1' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => editor().count(), WAIT).toBe(0);
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Edit agenda');
    await expect.poll(() => page.getByRole('heading', { name: /^Agenda/ }).textContent(), WAIT).toBe('Agenda 160 min');
  });

  it('is disabled while the meeting runs, saying why, also when it started with the editor open', async () => {
    const before = await titles();
    await page.getByRole('button', { name: 'Edit agenda' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).label, WAIT).toBe('Title, item 1');
    await retype('Changed after the start');
    // The meeting starts elsewhere (another window, the CLI) while the editor is open.
    await served.post('meeting.start', { by: 'Facilitator' });
    await page.keyboard.press('Control+Enter');
    const reason = editor().getByText(/The meeting is running: the agenda cannot be edited until it ends/);
    await reason.waitFor(WAIT);
    expect(await titles()).toEqual(before);
    expect(await page.getByRole('textbox', { name: 'Title, item 1' }).isDisabled()).toBe(true);
    expect(await editor().getByRole('button', { name: /^Save/ }).isDisabled()).toBe(true);

    // Opened again mid-run, it says so from the start.
    await editor()
      .getByRole('button', { name: /^Cancel/ })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Edit agenda' }).focus();
    await page.keyboard.press('Enter');
    await reason.waitFor(WAIT);
    await reason.scrollIntoViewIfNeeded();
    expect(await page.getByRole('textbox', { name: 'Title, item 1' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'agenda-editor-running.png') });
  });
});
