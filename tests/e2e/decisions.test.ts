// The Decisions page end to end in Chromium against the HTTP host, on the demo company: the empty
// state, three decisions seeded through the API, ranked by keyboard (Alt+Down, ]) and by drag with
// the order checked on the page and through decision.list, a status change and a comment in the
// detail, all still there after a reload; filters and search narrow the list down to "no match".
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first list waits for the cycle. */
const WAIT = { timeout: 15_000 };

const NIGHT = 'Add a night shift on line 2';
const SNACKS = 'Re-baseline the snacks forecast';
const LYON = 'Expedite the Lyon lane';

describe.skipIf(!findChromium())('decisions page (browser)', () => {
  const dir = tempDir('planroom-dec-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await startServe(join(dir, 'decisions.db'));
    ({ browser, page } = await openSignedInPage(served));
    await page.goto(`${served.url}#/decisions`);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const api = async <T>(name: string, body: unknown): Promise<T> => {
    const res = await served.post(name, body);
    const r = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const rows = () => page.locator('.dec-row');
  const row = (title: string) => page.locator(`.dec-row[data-title="${title}"]`);
  const shownOrder = () => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-title')));
  const serverOrder = async () =>
    (await api<{ decisions: { title: string }[] }>('decision.list', {})).decisions.map((d) => d.title);
  const focusedTitle = () => page.evaluate<string | null>("document.activeElement?.getAttribute('data-title') ?? null");
  const live = () => page.locator('.dec-live');
  const panel = () => page.getByRole('complementary', { name: 'Decision detail' });
  /** The list is settled: loaded, and no answer outstanding. */
  /** Where the list starts on the page: the same in every state (no layout shift). */
  let listTop = 0;
  const settled = () => page.locator('section[aria-label="Decisions"][data-loading="false"]').waitFor(WAIT);

  it('shows the loading state until the list comes, and an error with Retry when it fails', async () => {
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    // The list's answer is held until the test lets it go: the loading state is seen, not timed.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/decision.list', async (route) => {
      await held;
      await route.fulfill({
        json: { ok: false, error: { code: 'internal', message: 'The list broke.', hint: 'Try again.' } },
      });
    });
    await page.reload();
    await page.getByText('Loading decisions…').waitFor(WAIT);
    release();
    const alert = page.locator('.dec-list-wrap').getByRole('alert');
    await expect.poll(() => alert.textContent(), WAIT).toMatch(/^The list broke\. — Try again\.Retry$/);
    await page.screenshot({ path: join(SHOTS, 'decisions-error.png') });
    listTop = (await page.locator('.decisions-layout').boundingBox())!.y;
    await page.unroute('**/api/decision.list');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.dec-empty[data-state="empty"]').waitFor(WAIT);
    await expect(alert.count()).resolves.toBe(0);
  });

  it('says how to record the first decision when the log is empty', async () => {
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    const empty = page.locator('.dec-empty[data-state="empty"]');
    await empty.waitFor(WAIT);
    await expect(empty.textContent()).resolves.toMatch(/No decisions recorded in .+ yet\.\s*Press n on any page/);
    // Its button opens the capture form; Escape cancels it and the focus comes back to the button.
    const record = empty.getByRole('button', { name: 'Record decision' });
    await record.click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Record a decision' }).waitFor(WAIT);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count(), WAIT).toBe(0);
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.textContent ?? null'))
      .toBe('Record decision');
    await page.screenshot({ path: join(SHOTS, 'decisions-empty.png') });
    // No layout shift: the list starts where it did while it failed to load.
    await expect(page.locator('.decisions-layout').boundingBox()).resolves.toMatchObject({ y: listTop });
  });

  it('lists three decisions seeded through the API in priority order, with what they aim at', async () => {
    await api('decision.add', {
      title: NIGHT,
      owner: 'COO',
      due: '+2w',
      kpiId: 'plan_adherence',
      expectedValue: 0.92,
      by: 'Facilitator',
    });
    await api('decision.add', { title: SNACKS, owner: 'Sales', due: 'end of month', by: 'Facilitator' });
    await api('decision.add', { title: LYON, owner: 'Logistics', due: '2026-01-05', by: 'Facilitator' });
    await page.reload();
    await row(LYON).waitFor(WAIT);
    await expect(shownOrder()).resolves.toEqual([NIGHT, SNACKS, LYON]);
    const night = await row(NIGHT).textContent();
    expect(night).toMatch(/KPI Production plan adherence, expected Plan adherence 92\.0%/);
    expect(night).toMatch(/Supply/);
    expect(night).toMatch(/recorded by Facilitator/);
    await expect(row(LYON).locator('.badge.late').textContent()).resolves.toBe('overdue');
    await expect(row(SNACKS).locator('.badge.late').count()).resolves.toBe(0);
    await expect(page.locator('.decisions-layout').boundingBox()).resolves.toMatchObject({ y: listTop });
    await page.locator('.page-head').getByLabel('Your name').fill('Dana');
  });

  it('ranks by keyboard: Alt+Down and ] move the focused decision, saved at once, focus staying on it', async () => {
    await row(NIGHT).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(shownOrder, WAIT).toEqual([SNACKS, NIGHT, LYON]);
    await expect(serverOrder()).resolves.toEqual([SNACKS, NIGHT, LYON]);
    await expect.poll(() => live().textContent(), WAIT).toBe(`Moved ${NIGHT} to 2 of 3`);
    await expect.poll(focusedTitle, WAIT).toBe(NIGHT);

    await page.keyboard.press(']');
    await expect.poll(shownOrder, WAIT).toEqual([SNACKS, LYON, NIGHT]);
    await expect(serverOrder()).resolves.toEqual([SNACKS, LYON, NIGHT]);
    await expect.poll(focusedTitle, WAIT).toBe(NIGHT);
    await expect.poll(() => live().textContent(), WAIT).toBe(`Moved ${NIGHT} to 3 of 3`);

    // Up/Down and k/j move the focus only; the order stays.
    await page.keyboard.press('k');
    await expect.poll(focusedTitle).toBe(LYON);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedTitle).toBe(SNACKS);
    await page.keyboard.press('j');
    await expect.poll(focusedTitle).toBe(LYON);
    await expect(shownOrder()).resolves.toEqual([SNACKS, LYON, NIGHT]);
  });

  it('ranks by drag: a row dropped on another takes its place', async () => {
    await page.dragAndDrop(`.dec-row[data-title="${NIGHT}"]`, `.dec-row[data-title="${SNACKS}"]`);
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT, SNACKS, LYON]);
    await expect(serverOrder()).resolves.toEqual([NIGHT, SNACKS, LYON]);
    await expect.poll(() => live().textContent(), WAIT).toBe(`Moved ${NIGHT} to 1 of 3`);
    await settled();
    await page.screenshot({ path: join(SHOTS, 'decisions-list.png') });
  });

  it('opens the detail with Enter, changes the status and adds a comment; Escape returns to the row', async () => {
    await row(SNACKS).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(SNACKS);
    await panel().getByRole('button', { name: 'Agreed' }).click();
    await expect
      .poll(() => panel().locator('.dec-save-line[data-part="status"]').textContent(), WAIT)
      .toBe('Status set to agreed.');
    await expect.poll(() => row(SNACKS).getAttribute('data-status'), WAIT).toBe('agreed');
    await expect(panel().getByRole('button', { name: 'Agreed' }).getAttribute('aria-pressed')).resolves.toBe('true');

    await panel().getByRole('textbox', { name: 'Comment' }).fill('Agreed in the room, Sales to re-run on Friday');
    await panel().getByRole('button', { name: 'Add comment' }).click();
    await expect
      .poll(() => panel().locator('.dec-history').textContent(), WAIT)
      .toMatch(
        /Dana changed.*status: Proposed → Agreed.*Dana commented.*Agreed in the room, Sales to re-run on Friday/,
      );

    // The due date typed as said, with what was understood shown before saving.
    await panel().getByLabel('Due').fill('+3w');
    await expect(panel().locator('.dec-due-read').textContent()).resolves.toMatch(
      /^Understood: \w{3} \d+ \w{3} \d{4}$/,
    );
    await panel().getByLabel('Due').fill('someday');
    await expect(panel().locator('.dec-due-read').textContent()).resolves.toMatch(/^Not a date yet: type a date/);
    // What the form cannot read, the server refuses, naming the field and what to type.
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => panel().getByRole('alert').textContent(), WAIT)
      .toMatch(/"someday" is not a due date.*field due.*Type a date/);
    await panel().getByLabel('Due').fill('+3w');
    await panel().getByLabel('Owner').fill('Sales director');
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => panel().locator('.dec-history > li').last().textContent(), WAIT)
      .toMatch(/owner: Sales → Sales director.*due: \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d/);
    await settled();
    // The panel from its head, then scrolled to the history it ends with.
    await page.evaluate("window.scrollTo(0, 0); document.querySelector('.dec-panel').scrollTo(0, 0)");
    await page.screenshot({ path: join(SHOTS, 'decisions-detail.png') });
    await page.evaluate("const p = document.querySelector('.dec-panel'); p.scrollIntoView(); p.scrollTo(0, 1e6)");
    await page.screenshot({ path: join(SHOTS, 'decisions-detail-history.png') });

    await panel().getByRole('textbox', { name: 'Comment' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().locator('h2').count(), WAIT).toBe(0);
    await expect.poll(focusedTitle, WAIT).toBe(SNACKS);
  });

  it('takes an expected share in percent and shows it in the KPI figure, in the row and the history', async () => {
    await row(NIGHT).click();
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(NIGHT);
    const field = panel().getByLabel('Expected Plan adherence (%)');
    await expect(field.inputValue()).resolves.toBe('92');
    await field.fill('95.5');
    await expect(panel().getByText('Reads as 95.5%').count()).resolves.toBe(1);
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => panel().locator('.dec-history > li').last().textContent(), WAIT)
      .toMatch(/Dana changed.*expected value: 92\.0% → 95\.5%$/);
    await expect.poll(() => row(NIGHT).textContent(), WAIT).toMatch(/expected Plan adherence 95\.5%/);
    await page.keyboard.press('Escape');
  });

  it('keeps the order, the status and the history after a reload', async () => {
    await page.reload();
    await row(LYON).waitFor(WAIT);
    await expect(shownOrder()).resolves.toEqual([NIGHT, SNACKS, LYON]);
    await expect(row(SNACKS).getAttribute('data-status')).resolves.toBe('agreed');
    await row(SNACKS).click();
    await expect
      .poll(() => panel().locator('.dec-history').textContent(), WAIT)
      .toMatch(/status: Proposed → Agreed.*Agreed in the room/);
    await expect(panel().textContent()).resolves.toMatch(/OwnerSales director/);
    await page.keyboard.press('Escape');
  });

  it('narrows the list by status, owner, function, due date and search, down to "no match"', async () => {
    const filters = page.getByRole('search', { name: 'Filter decisions' });
    await filters.getByLabel('Agreed').check();
    await expect.poll(shownOrder, WAIT).toEqual([SNACKS]);
    await filters.getByLabel('Proposed').check();
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT, SNACKS, LYON]);
    await filters.getByLabel('Agreed').uncheck();
    await filters.getByLabel('Proposed').uncheck();

    await filters.getByLabel('Owner').selectOption('COO');
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT]);
    await filters.getByLabel('Owner').selectOption('');
    await filters.getByLabel('Function').selectOption('supply');
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT]);
    await filters.getByLabel('Function').selectOption('');
    await filters.getByLabel('Due before').fill('2026-02-01');
    await expect.poll(shownOrder, WAIT).toEqual([LYON]);
    await filters.getByLabel('Due before').fill('');
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT, SNACKS, LYON]);

    await filters.getByLabel('Search').fill('lyon');
    await expect.poll(shownOrder, WAIT).toEqual([LYON]);
    await filters.getByLabel('Search').fill('lyon zebra');
    const none = page.locator('.dec-empty[data-state="no-match"]');
    await none.waitFor(WAIT);
    await expect(none.textContent()).resolves.toMatch(/None of the 3 decision\(s\) match these filters/);
    await settled();
    await page.screenshot({ path: join(SHOTS, 'decisions-no-match.png') });
    await none.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT, SNACKS, LYON]);
    await expect(filters.getByLabel('Search').inputValue()).resolves.toBe('');

    // Ranked while filtered, a decision passes the row shown above it, not a hidden one.
    await filters.getByLabel('Proposed').check();
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT, LYON]);
    await row(LYON).focus();
    await page.keyboard.press('[');
    await expect.poll(shownOrder, WAIT).toEqual([LYON, NIGHT]);
    await expect(serverOrder()).resolves.toEqual([LYON, NIGHT, SNACKS]);
    await expect.poll(focusedTitle, WAIT).toBe(LYON);
    await expect.poll(() => live().textContent(), WAIT).toBe(`Moved ${LYON} to 1 of 3`);
    await filters.getByLabel('Proposed').uncheck();
    await expect.poll(shownOrder, WAIT).toEqual([LYON, NIGHT, SNACKS]);
  });

  it.each([
    ['Minutes (Markdown)', 'minutes.export', { format: 'md' }, (b: Buffer) => b.toString('utf8').includes(NIGHT)],
    ['Minutes (XLSX)', 'minutes.export', { format: 'xlsx' }, (b: Buffer) => b.subarray(0, 2).toString() === 'PK'],
    ['Minutes (PDF)', 'minutes.export', { format: 'pdf' }, (b: Buffer) => b.subarray(0, 5).toString() === '%PDF-'],
    ['Calendar (.ics)', 'decision.ics', {}, (b: Buffer) => b.toString('utf8').startsWith('BEGIN:VCALENDAR')],
  ] as const)(
    '%s saves the file the server makes under its name, or shows why not',
    async (label, name, body, looksRight) => {
      // The page takes what the server answers (a file, or a refusal such as no Chromium to print
      // with) and must do the matching thing: save that file, or show the refusal.
      const answer = (await (await served.post(name, body)).json()) as
        { ok: true; data: { fileName: string } } | { ok: false; error: { message: string } };
      const group = page.getByRole('group', { name: 'Export' });
      const button = group.getByRole('button', { name: label });
      if (answer.ok) {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
        expect(download.suggestedFilename()).toBe(answer.data.fileName);
        expect(looksRight(readFileSync(await download.path()))).toBe(true);
        await expect.poll(() => group.getByRole('status').textContent(), WAIT).toBe(`Saved ${answer.data.fileName}`);
        if (name === 'minutes.export') {
          // Recorded in the outbox with the name the page is used under (none set: no one).
          const userName = await page.evaluate<string | null>("window.localStorage.getItem('planroom.userName')");
          const local = new Database(join(dir, 'decisions.db'), { readonly: true });
          const last = local
            .prepare("SELECT payload FROM outbox WHERE kind = 'minutes_export' ORDER BY id DESC LIMIT 1")
            .get() as { payload: string };
          local.close();
          expect(JSON.parse(last.payload)).toMatchObject({
            fileName: answer.data.fileName,
            by: userName?.trim() || null,
          });
        }
      } else {
        await button.click();
        await expect.poll(() => group.getByRole('alert').textContent(), WAIT).toContain(answer.error.message);
      }
    },
  );

  it('asks for the name in the panel itself when none is set, then saves', async () => {
    await page.evaluate("window.localStorage.removeItem('planroom.userName')");
    await page.reload();
    await row(LYON).click();
    await panel().getByRole('button', { name: 'In progress' }).click();
    const name = panel().getByRole('group', { name: 'Your name' }).getByLabel('Your name');
    await expect
      .poll(() => page.evaluate<boolean>("document.activeElement?.closest('.name-ask') !== null"), WAIT)
      .toBe(true);
    await expect(row(LYON).getAttribute('data-status')).resolves.toBe('proposed');
    await name.fill('Sam');
    await panel().getByRole('button', { name: 'In progress' }).click();
    await expect.poll(() => row(LYON).getAttribute('data-status'), WAIT).toBe('in_progress');
    await expect.poll(() => panel().locator('.dec-history').textContent(), WAIT).toMatch(/Sam changed/);
  });

  it('asks for the name beside the list when a move comes first, and moves on Enter', async () => {
    await page.evaluate("window.localStorage.removeItem('planroom.userName')");
    await page.reload();
    await row(NIGHT).focus();
    await page.keyboard.press('Alt+ArrowUp');
    const ask = page.locator('.dec-list-wrap').getByRole('group', { name: 'Your name' });
    await expect
      .poll(() => page.evaluate<boolean>("document.activeElement?.closest('.name-ask') !== null"), WAIT)
      .toBe(true);
    await expect(ask.textContent()).resolves.toContain(`Recorded with the move of “${NIGHT}”`);
    await expect(serverOrder()).resolves.toEqual([LYON, NIGHT, SNACKS]);
    await page.keyboard.type('Kim');
    await page.keyboard.press('Enter');
    await expect.poll(shownOrder, WAIT).toEqual([NIGHT, LYON, SNACKS]);
    await expect(serverOrder()).resolves.toEqual([NIGHT, LYON, SNACKS]);
    await expect.poll(focusedTitle, WAIT).toBe(NIGHT);
    await expect(ask.count()).resolves.toBe(0);
  });

  it('shows the open decisions of the last cycle as carried over in the next one, in the same order', async () => {
    await api('cycle.create', { name: '2027-01 S&OP', meetingAt: '2027-01-05T09:00:00Z', timeZone: 'UTC' });
    await page.reload();
    await expect
      .poll(() => page.locator('.dec-toolbar > p').textContent(), WAIT)
      .toBe('2027-01 S&OP: 3 decision(s) in priority order');
    await expect(shownOrder()).resolves.toEqual([NIGHT, LYON, SNACKS]);
    await expect(row(SNACKS).locator('.carried').textContent()).resolves.toBe(
      'carried over from 2026-12 S&OP (demo company)',
    );
    await settled();
    await page.screenshot({ path: join(SHOTS, 'decisions-carried.png') });
  });

  it("shows a chosen scenario's decision with the figures it expects beside the baseline", async () => {
    const scenario = await api<{ id: number }>('scenario.create', { name: 'Hold the plan', owner: 'COO', by: 'Kim' });
    await api('scenario.choose', { id: scenario.id, by: 'Kim', title: 'Hold the plan through January', due: 'fri' });
    await page.reload();
    const chosen = row('Hold the plan through January');
    await chosen.waitFor(WAIT);
    await expect(chosen.textContent()).resolves.toMatch(/KPI Service level \(OTIF\), expected Projected OTIF \d+\.\d%/);
    await expect(chosen.textContent()).resolves.toMatch(/scenario Hold the plan/);
    await chosen.click();
    const table = panel().getByRole('table', { name: 'Expected figures' });
    await table.waitFor(WAIT);
    await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(3);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toMatch(/^Projected OTIF\d+\.\d%\d+\.\d%$/);
    await settled();
    await page.screenshot({ path: join(SHOTS, 'decisions-scenario.png') });
  });

  it('puts the detail below the list on a narrow window, brought into view when opened', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().locator('h2').count(), WAIT).toBe(0);
    await row('Hold the plan through January').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe('Hold the plan through January');
    const box = (await panel().boundingBox())!;
    const list = (await page.locator('.dec-list-card').boundingBox())!;
    expect(box.y).toBeGreaterThan(list.y + list.height - 1);
    expect(box.y).toBeLessThan(768);
    await settled();
    await page.screenshot({ path: join(SHOTS, 'decisions-narrow.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('lists a decision recorded with the capture form (n) at once, and gives the focus back to the row', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().locator('h2').count(), WAIT).toBe(0);
    await row(NIGHT).focus();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor(WAIT);
    await page.keyboard.type('Review the Lyon lane again');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Logistics');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+1w');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    // No reload: the capture form's write bumps the decision store's version, and the list follows.
    await expect
      .poll(shownOrder, WAIT)
      .toEqual([NIGHT, LYON, SNACKS, 'Hold the plan through January', 'Review the Lyon lane again']);
    await expect.poll(focusedTitle, WAIT).toBe(NIGHT);
  });
});
