import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { cellText, columnNames, decodeCsv, describeFile, formatOf, readRows } from './import-files.ts';

const rows = async (text: string) => {
  const out = [];
  for await (const row of readRows('csv', Buffer.from(text))) out.push(row);
  return out;
};

describe('reading import files', () => {
  it('numbers rows as a spreadsheet does, skips blank lines, keeps quoted commas and line breaks', async () => {
    expect(await rows('名称,电话\n"甲, 乙公司",138\n\n"多行\n备注",139\n')).toEqual([
      { rowNumber: 2, payload: { 名称: '甲, 乙公司', 电话: '138' } },
      { rowNumber: 3, payload: { 名称: '多行\n备注', 电话: '139' } },
    ]);
  });

  it('names blank and repeated header cells, and fills short rows with empty text', async () => {
    expect(columnNames([' 名称 ', '', '名称'])).toEqual(['名称', 'column_2', '名称_2']);
    expect(await rows('a,b,c\n1\n')).toEqual([{ rowNumber: 2, payload: { a: '1', b: '', c: '' } }]);
  });

  it('reads UTF-8 (with a BOM) and falls back to GB18030, as Excel saves CSV on Chinese Windows', async () => {
    expect(decodeCsv(Buffer.from([0xb9, 0xab, 0xcb, 0xbe]))).toBe('公司');
    expect(decodeCsv(Buffer.from('公司', 'utf8'))).toBe('公司');
    expect(await describeFile('csv', Buffer.from('\uFEFF公司名称,电话\nA,1\n'))).toEqual({
      columns: ['公司名称', '电话'],
      rows: 1,
    });
  });

  it('tells CSV from XLSX and refuses other files', () => {
    expect(formatOf('a.CSV', Buffer.from('x'))).toBe('csv');
    expect(formatOf('a.xlsx', Buffer.from([0x50, 0x4b, 3, 4]))).toBe('xlsx');
    expect(() => formatOf('a.xlsx', Buffer.from('not a zip'))).toThrow(AppError);
    expect(() => formatOf('a.xls', Buffer.from('x'))).toThrow(/save it as .csv or .xlsx/);
  });

  it('shows cells as text: whole numbers without exponent, dates, formulas by their result, rich text joined', () => {
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(new Date(Date.UTC(2026, 10, 30)))).toBe('2026-11-30');
    expect(cellText(new Date(Date.UTC(2026, 10, 30, 9, 5, 0)))).toBe('2026-11-30 09:05:00');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cellText({ richText: [{ text: '上' }, { text: '海' }] })).toBe('上海');
    expect(cellText({ text: '链接', hyperlink: 'https://x' })).toBe('链接');
    expect(cellText(null)).toBe('');
  });
});
