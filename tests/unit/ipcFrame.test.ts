import { describe, expect, it } from 'vitest';
import { isAppFrame } from '../../electron/ipc';

const INDEX = 'file:///opt/Planroom/resources/app/dist/renderer/index.html';

describe('IPC sender check', () => {
  it("accepts the top frame showing the app's index.html, on any route", () => {
    expect(isAppFrame({ url: INDEX, parent: null }, INDEX)).toBe(true);
    expect(isAppFrame({ url: `${INDEX}#/scenarios`, parent: null }, INDEX)).toBe(true);
  });

  it('refuses frames inside the page, other files, look-alike folders and other schemes', () => {
    expect(isAppFrame({ url: INDEX, parent: {} }, INDEX)).toBe(false);
    expect(
      isAppFrame({ url: 'file:///opt/Planroom/resources/app/dist/renderer/other.html', parent: null }, INDEX),
    ).toBe(false);
    expect(
      isAppFrame({ url: 'file:///opt/Planroom/resources/app/dist/renderer-evil/index.html', parent: null }, INDEX),
    ).toBe(false);
    expect(isAppFrame({ url: 'file:///tmp/index.html', parent: null }, INDEX)).toBe(false);
    expect(isAppFrame({ url: 'https://example.com/index.html', parent: null }, INDEX)).toBe(false);
    expect(isAppFrame({ url: '', parent: null }, INDEX)).toBe(false);
    expect(isAppFrame(null, INDEX)).toBe(false);
  });
});
