// Formula injection: every text that a spreadsheet could read as a formula gets a leading
// apostrophe; other texts and every number are written as they are.
import { describe, expect, it } from 'vitest';
import { csvField } from '../../electron/sources/csvWrite';
import { FORMULA_TRIGGERS, inertText, spreadsheetValue } from '../../shared/domain/spreadsheetText';

describe('inertText', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1 call', "'+1 call"],
    ['-5% price', "'-5% price"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j', (text, inert) => {
    expect(inertText(text)).toBe(inert);
  });

  it.each(['Add a night shift', '', ' =1', 'a=b', "'quoted", '2026-12-04', 'SKU-00012@DC-1'])(
    'leaves %j as it is',
    (text) => {
      expect(inertText(text)).toBe(text);
    },
  );

  it('covers exactly the documented first characters', () => {
    expect([...FORMULA_TRIGGERS].sort()).toEqual(['\t', '\r', '+', '-', '=', '@'].sort());
  });
});

describe('spreadsheetValue', () => {
  it('keeps numbers numbers, negative ones too, and nothing nothing', () => {
    expect(spreadsheetValue(-3.5)).toBe(-3.5);
    expect(spreadsheetValue(0)).toBe(0);
    expect(spreadsheetValue(null)).toBeNull();
    expect(spreadsheetValue(undefined)).toBeUndefined();
    expect(spreadsheetValue('=1')).toBe("'=1");
  });
});

describe('the CSV writer', () => {
  it('writes formula-like text inert (quoted where it must be) and numbers unchanged', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-12)).toBe('-12');
    expect(csvField('SKU-1')).toBe('SKU-1');
  });
});
