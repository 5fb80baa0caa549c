// Recording decisions as an executive would, in Chromium against the HTTP host on the demo
// company: by keyboard only from three pages, every key press counted (at most 25 for title,
// owner and due date), the focus back where it was, Escape leaving nothing behind; "Decide" from
// an exception's detail linking the exception; the attendance list; and, in a next cycle, agenda
// item 1 following last cycle's decisions up with a note. Screenshots at 1366x768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/openBrowser';
import { DUE_HINT } from '../../shared/domain/dueDate';
import { EXCEPTION_KPI } from '../../shared/planning/decisionAim';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { ROOT } from '../helpers/cli';
import { openSignedInPage } from '../helpers/browser';
import { startServe, type Served } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The machine is slow and busy: the first exception list computes the cycle. */
const WAIT = { timeout: 20_000 };
const BUDGET = 25;

type Decision = {
  id: number;
  title: string;
  owner: string;
  dueDate: string | null;
  recordedBy: string;
  kpi: { id: string } | null;
  exceptions: { key: string }[];
};

/** Every key goes through here: a press is one key, a typed text one key per character. */
class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    this.count += [...text].length;
    await this.page.keyboard.type(text);
  }
}

describe.skipIf(!findChromium())('recording a decision (browser)', () => {
  const dir = tempDir('planroom-capture-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;

  async function api<T>(name: string, body: unknown): Promise<T> {
    const res = await served.post(name, body);
    const out = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!out.ok) throw new Error(`${name}: ${JSON.stringify(out.error)}`);
    return out.data;
  }
  const decisions = async (): Promise<Decision[]> =>
    (await api<{ decisions: Decision[] }>('decision.list', {})).decisions;

  const dialog = () => page.getByRole('dialog');
  // Evaluated in the page (as text: the tests compile without the DOM's types).
  const activeId = () => page.evaluate<string>("document.activeElement?.id ?? ''");
  /** What has the focus, as a description that survives re-renders. */
  const activeSays = () =>
    page.evaluate<string>(`(() => {
      const el = document.activeElement;
      return el ? el.tagName.toLowerCase() + ':' + (el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '') : '';
    })()`);

  /** n, title, Tab, owner prefix, Tab, due, Enter: the key count of one decision. */
  async function record(title: string, ownerPrefix: string, due: string): Promise<Keys> {
    const keys = new Keys(page);
    await keys.press('n');
    await expect.poll(activeId, WAIT).toBe('capture-title');
    await keys.type(title);
    await keys.press('Tab');
    await keys.type(ownerPrefix);
    await keys.press('Tab');
    await keys.type(due);
    await expect.poll(() => page.locator('#capture-due-note').textContent()).toMatch(/^due \w{3} \d+ \w{3} \d{4}$/);
    await keys.press('Enter');
    return keys;
  }

  beforeAll(async () => {
    served = await startServe(join(dir, 'capture.db'));
    ({ browser, page } = await openSignedInPage(served));
    await page.goto(`${served.url}#/agenda`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('says agenda item 1 has nothing to follow up in the first cycle', async () => {
    await expect
      .poll(() => page.locator('.agenda li').first().getByRole('note').textContent(), WAIT)
      .toMatch(/No previous cycle/);
  });

  it('keeps the attendance list: add with role and e-mail, tick present, remove', async () => {
    const card = page.getByRole('region', { name: 'Attendance' });
    await card.getByLabel('Your name').fill('Dana');
    const add = card.getByRole('form', { name: 'Add an attendee' });
    // A bad e-mail is refused by the server with its field, nothing added.
    await add.getByLabel('Name', { exact: true }).fill('Pat');
    await add.getByLabel('E-mail (optional)').fill('not-an-address');
    await add.getByRole('button', { name: 'Add attendee' }).click();
    await expect.poll(() => card.getByRole('alert').textContent(), WAIT).toMatch(/email/);
    await expect(card.locator('tbody tr').count()).resolves.toBe(0);
    for (const [n, r, m] of [
      ['Dana Weiss', 'COO', 'dana@example.com'],
      ['Sam Ortiz', 'Sales', ''],
      ['Walk-in', '', ''],
    ]) {
      await add.getByLabel('Name', { exact: true }).fill(n!);
      await add.getByLabel('Role').fill(r!);
      await add.getByLabel('E-mail (optional)').fill(m!);
      await add.getByRole('button', { name: 'Add attendee' }).click();
      await expect.poll(() => card.getByRole('status').textContent(), WAIT).toBe(`${n} added, present.`);
    }

    await card.getByLabel('Sam Ortiz present').uncheck();
    await expect.poll(() => card.getByLabel('Sam Ortiz present').isChecked(), WAIT).toBe(false);
    await card.getByRole('button', { name: 'Remove Walk-in' }).click();
    await expect.poll(() => card.locator('tbody tr').count(), WAIT).toBe(2);
    await expect(card.getByRole('status').textContent()).resolves.toBe('Walk-in removed.');
    const list = await api<{ name: string; present: boolean; email: string | null }[]>('attendee.list', {});
    expect(list).toEqual([
      expect.objectContaining({ name: 'Dana Weiss', present: true, email: 'dana@example.com' }),
      expect.objectContaining({ name: 'Sam Ortiz', present: false, email: null }),
    ]);
    await expect(card.locator('h2').textContent()).resolves.toMatch(/1 of 2 present/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'capture-attendance.png') });
    // The name typed here is this computer's: the capture form will not ask for it.
    await page.evaluate("window.localStorage.removeItem('planroom.userName')");
    await page.reload();
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
  });

  it('records from the Agenda page by keyboard, asking the name once in the form, and gives the focus back', async () => {
    const link = page.getByRole('link', { name: /open data issues/ });
    await link.focus();
    const before = await activeSays();
    const keys = new Keys(page);
    await keys.press('n');
    await expect.poll(activeId, WAIT).toBe('capture-title');
    // In view: a dialog near the top of the viewport, all of it visible.
    const box = (await dialog().boundingBox())!;
    expect(box.y).toBeLessThan(120);
    expect(box.y + box.height).toBeLessThan(768);
    await expect(dialog().getAttribute('aria-modal')).resolves.toBe('true');
    await expect(dialog().getByRole('heading').textContent()).resolves.toBe('Record a decision');
    await expect(dialog().getByLabel('Your name').count()).resolves.toBe(1);
    await keys.type('Night shift');
    await keys.press('Tab');
    await keys.type('co');
    // A two-letter prefix is enough: "co" is the COO role (the attendees have no name like it).
    await expect
      .poll(() => dialog().getByRole('listbox', { name: 'Owner suggestions' }).getByRole('option').allTextContents())
      .toEqual(['COOowns Service level (OTIF)']);
    await keys.press('Tab');
    await expect(dialog().getByLabel('Owner', { exact: true }).inputValue()).resolves.toBe('COO');
    await keys.type('fri');
    await expect.poll(() => page.locator('#capture-due-note').textContent()).toMatch(/^due Fri \d+ \w{3} \d{4}$/);
    await page.screenshot({ path: join(SHOTS, 'capture-form.png') });
    await keys.press('Enter');
    // No name yet: asked in the form, beside its field, with the focus there.
    await expect.poll(activeId).toBe('capture-by');
    await expect(dialog().getByRole('alert').textContent()).resolves.toMatch(/Type your name/);
    const core = keys.count;
    await keys.type('Dana');
    await keys.press('Enter');
    await expect.poll(() => dialog().count(), WAIT).toBe(0);
    expect(core).toBeLessThanOrEqual(BUDGET);
    expect(keys.count).toBeLessThanOrEqual(BUDGET);
    await expect.poll(activeSays).toBe(before);
    await expect
      .poll(() => page.locator('.capture-saved').textContent(), WAIT)
      .toMatch(/Recorded at priority #1: Night shift/);

    const [d] = await decisions();
    expect(d).toMatchObject({ title: 'Night shift', owner: 'COO', recordedBy: 'Dana' });
    expect(new Date(`${d!.dueDate}T12:00:00Z`).getUTCDay()).toBe(5);
  });

  it('cancels with Escape: nothing saved, the focus back where it was', async () => {
    const link = page.getByRole('link', { name: /open data issues/ });
    await link.focus();
    await page.keyboard.press('n');
    await expect.poll(activeId, WAIT).toBe('capture-title');
    await expect(dialog().getByLabel('Your name').count()).resolves.toBe(0);
    await page.keyboard.type('Not this one');
    // An unreadable due date is refused beside its field, saying what to type; nothing is sent.
    await page.keyboard.press('Tab');
    await page.keyboard.type('coo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('someday');
    await expect
      .poll(() => page.locator('#capture-due-note').textContent())
      .toBe(`Not a date I can read: type ${DUE_HINT}.`);
    await page.keyboard.press('Enter');
    await expect.poll(activeId).toBe('capture-due');
    await expect(dialog().getByLabel('Due').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(activeSays).toMatch(/^a:.*open data issues/);
    expect((await decisions()).map((d) => d.title)).toEqual(['Night shift']);
  });

  it("shows the server's refusal beside the field it names, with the focus there", async () => {
    await page.keyboard.press('n');
    await expect.poll(activeId, WAIT).toBe('capture-title');
    await page.keyboard.type('Too long an owner');
    await page.keyboard.press('Tab');
    await page.keyboard.type('x'.repeat(81));
    await page.keyboard.press('Enter');
    const owner = dialog().getByLabel('Owner', { exact: true });
    await expect.poll(() => owner.getAttribute('aria-invalid'), WAIT).toBe('true');
    await expect(dialog().getByRole('alert').textContent()).resolves.toMatch(/owner: .*80/);
    await expect.poll(() => owner.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect((await decisions()).map((d) => d.title)).toEqual(['Night shift']);
  });

  it('records from the Exceptions and Data pages within the key budget', async () => {
    await page.keyboard.press('2');
    await page.locator('section[aria-label="Exceptions"][data-loading="false"]').waitFor(WAIT);
    await page.getByRole('grid', { name: 'Ranked exceptions' }).locator('[role="row"][data-key]').first().waitFor(WAIT);
    const a = await record('Rebook lane', 'lo', '+2w');
    await expect.poll(() => dialog().count(), WAIT).toBe(0);
    expect(a.count).toBeLessThanOrEqual(BUDGET);

    await page.keyboard.press('5');
    await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor(WAIT);
    const b = await record('Fix WMS feed', 'da', 'eom');
    await expect.poll(() => dialog().count(), WAIT).toBe(0);
    expect(b.count).toBeLessThanOrEqual(BUDGET);

    const all = await decisions();
    expect(all.map((d) => [d.title, d.owner])).toEqual([
      ['Night shift', 'COO'],
      ['Rebook lane', 'Logistics'],
      ['Fix WMS feed', 'Dana Weiss'],
    ]);
  });

  it('takes the first match of a prefix typed before the suggestions arrived', async () => {
    // The suggestions are held back until the decision is typed and Enter pressed.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route('**/api/decision.owners', async (route) => {
      await gate;
      await route.continue();
    });
    const keys = new Keys(page);
    await keys.press('n');
    await expect.poll(activeId, WAIT).toBe('capture-title');
    await keys.type('Fast typist');
    await keys.press('Tab');
    await keys.type('sa');
    await keys.press('Tab');
    await keys.type('+1w');
    await keys.press('Enter');
    expect(keys.count).toBeLessThanOrEqual(BUDGET);
    release();
    await expect.poll(() => dialog().count(), WAIT).toBe(0);
    await page.unroute('**/api/decision.owners');
    const fast = (await decisions()).find((d) => d.title === 'Fast typist')!;
    expect(fast.owner).toBe('Sam Ortiz');
  });

  it('"Decide" from an exception detail links the exception and its KPI', async () => {
    const first = (
      await api<{ rows: { key: string; type: ExceptionType; kpiId: string | null }[] }>('exception.list', {})
    ).rows[0]!;
    await page.keyboard.press('2');
    await page.locator('section[aria-label="Exceptions"][data-loading="false"]').waitFor(WAIT);
    const row = page.getByRole('grid', { name: 'Ranked exceptions' }).locator('[role="row"][data-key]').first();
    await row.waitFor(WAIT);
    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('group', { name: 'Exception detail' });
    await detail.getByRole('button', { name: 'Decide' }).waitFor(WAIT);
    // Opened to be worked on: the detail has the focus, so `d` decides.
    await expect.poll(() => detail.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);
    await page.keyboard.press('d');
    await expect.poll(activeId, WAIT).toBe('capture-title');
    await expect(dialog().getByRole('heading').textContent()).resolves.toBe('Decide on an exception');
    await expect(dialog().getByLabel('KPI it aims at').inputValue()).resolves.toBe(
      first.kpiId ?? EXCEPTION_KPI[first.type] ?? '',
    );
    const keys = new Keys(page);
    await keys.type('Expedite it');
    await keys.press('Tab');
    await keys.type('op');
    await keys.press('Tab');
    await keys.type('+3d');
    await page.screenshot({ path: join(SHOTS, 'capture-exception-decide.png') });
    await keys.press('Enter');
    await expect.poll(() => dialog().count(), WAIT).toBe(0);
    expect(keys.count).toBeLessThanOrEqual(BUDGET);
    // Back where `d` was pressed.
    await expect.poll(() => detail.evaluate((el) => el.matches(':focus')), WAIT).toBe(true);

    const linked = (await decisions()).find((d) => d.title === 'Expedite it')!;
    expect(linked.exceptions[0]!.key).toBe(first.key);
    expect(linked.owner).toBe('Operations');
    expect(linked.kpi?.id ?? '').toBe(first.kpiId ?? EXCEPTION_KPI[first.type] ?? '');
  });

  it("follows last cycle's decisions up in agenda item 1 of the next cycle, with a note saved", async () => {
    // One more, due before today: overdue in the follow-up.
    await api('decision.add', { title: 'Late one', owner: 'Sales', due: '2020-01-06', by: 'Dana' });
    const overview = await api<{ cycle: { meetingAt: string } }>('cycle.overview', {});
    await api('cycle.create', {
      name: '2027-01 S&OP',
      meetingAt: new Date(Date.parse(overview.cycle.meetingAt) + 28 * 86_400_000).toISOString(),
    });
    await page.goto(`${served.url}#/agenda`);
    await page.reload();
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    const table = page.getByRole('table', { name: "Follow-up of last cycle's decisions" });
    await table.waitFor(WAIT);
    const rows = table.locator('tbody tr');
    await expect
      .poll(() => rows.locator('td:nth-child(2) .strong').allTextContents(), WAIT)
      .toEqual(['Night shift', 'Rebook lane', 'Fix WMS feed', 'Fast typist', 'Expedite it', 'Late one']);
    await expect(rows.nth(5).locator('.overdue-badge').textContent()).resolves.toBe('overdue');
    await expect(rows.nth(0).locator('.overdue-badge').count()).resolves.toBe(0);
    // A decision aimed at no KPI has no figure: "no data", never 0.
    const night = rows.nth(0);
    await expect(night.locator('td').nth(5).textContent()).resolves.toBe('no data');
    await expect(night.locator('td').nth(6).textContent()).resolves.toBe('no data');
    await expect(night.locator('td').nth(2).textContent()).resolves.toBe('Proposed');

    await night.getByRole('textbox').fill('Works council said no to nights in December');
    await night.getByRole('button', { name: 'Save note' }).click();
    await expect
      .poll(() => night.locator('.note-by').textContent(), WAIT)
      .toMatch(/^by Dana, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    const follow = await api<{ items: { decision: { title: string }; note: string | null; noteBy: string | null }[] }>(
      'decision.followUp',
      {},
    );
    expect(follow.items.find((i) => i.decision.title === 'Night shift')).toMatchObject({
      note: 'Works council said no to nights in December',
      noteBy: 'Dana',
    });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'capture-agenda-followup.png') });
  });
});
