// The live meeting run on the Agenda page in Chromium: started and stepped by keyboard, the time
// box of the item on now counting down to a calm "+N min over" (the page's clock is moved on by
// Playwright, never waited for), and the actual minutes the server recorded, in the API and the
// minutes.
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

describe.skipIf(!findChromium())('the meeting run (browser)', () => {
  const dir = tempDir('planroom-run-e2e-', 'all');
  let served: Served;
  let browser: Browser;
  let page: Page;
  const state = async (): Promise<MeetingStateT> =>
    ((await (await served.post('meeting.state', {})).json()) as { data: MeetingStateT }).data;

  beforeAll(async () => {
    served = await startServe(join(dir, 'run.db'));
    ({ browser, page } = await openSignedInPage(served));
    await page.clock.install({ time: new Date() });
    await page.goto(`${served.url}#/agenda`);
    await page.locator('.frame[data-ready="true"]').waitFor(WAIT);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('starts by keyboard, steps with PageDown, "," and ".", and shows an overrun in words', async () => {
    const run = page.getByRole('region', { name: 'Meeting run' });
    await run.getByRole('button', { name: 'Start meeting' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state()).status, WAIT).toBe('running');
    const first = (await state()).currentItemId;
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state()).currentItemId, WAIT).not.toBe(first);
    const second = (await state()).currentItemId;
    await expect.poll(() => run.locator('[aria-current="step"] .agenda-title').textContent(), WAIT).toMatch(/^Demand/);

    // Demand's box is 15 minutes: 18 minutes on, it is 3 over, said in words, not only in colour.
    await page.clock.fastForward('18:00');
    await expect
      .poll(() => run.locator('[aria-current="step"] .run-over').textContent(), WAIT)
      .toMatch(/\+\d+ min over/);
    await page.screenshot({ path: join(SHOTS, 'meeting-run-overrun.png') });

    // The page shows the step once the server answered: the next key waits for that, as a person does.
    const onNow = () => run.locator('[aria-current="step"] .agenda-title').textContent();
    await page.keyboard.press(',');
    await expect.poll(async () => (await state()).currentItemId, WAIT).toBe(first);
    await expect.poll(onNow, WAIT).toMatch(/^Last cycle/);
    await page.keyboard.press('.');
    await expect.poll(async () => (await state()).currentItemId, WAIT).toBe(second);
    await expect.poll(onNow, WAIT).toMatch(/^Demand/);
    await run.getByRole('button', { name: 'End meeting' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state()).status, WAIT).toBe('ended');
  });

  it('keeps the actual minutes of the items visited, for the minutes', async () => {
    const s = await state();
    const visited = s.items.filter((i) => i.actualMinutes !== null);
    expect(visited.length).toBe(2);
    const md = (await (await served.post('minutes.export', { format: 'md' })).json()) as { data: { content: string } };
    expect(md.data.content).toContain('Actual minutes recorded for 2 of 7 items.');
  });
});
