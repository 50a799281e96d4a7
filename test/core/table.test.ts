/** Tables by header name, pinned (found by `npm run mutate`). */
import { cellName, findColumns, isBlankRow, missingHeaders } from '../../src/core/table';

describe('tables by header name, pinned', () => {
  it('names a cell as Sheets does, past Z and past ZZ', () => {
    expect(cellName('Applications', 0, 0)).toBe('Applications!A2');
    expect(cellName('Applications', 10, 25)).toBe('Applications!Z12');
    expect(cellName('S', 0, 26)).toBe('S!AA2');
    expect(cellName('S', 0, 51)).toBe('S!AZ2');
    expect(cellName('S', 0, 52)).toBe('S!BA2');
    expect(cellName('S', 0, 701)).toBe('S!ZZ2');
    expect(cellName('S', 0, 702)).toBe('S!AAA2');
  });

  it('counts a row of blanks, nulls and undefined as blank, and a 0 or false as content', () => {
    expect(isBlankRow(['', null, undefined])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
    expect(isBlankRow([false, ''])).toBe(false);
    expect(isBlankRow([' '])).toBe(false);
  });

  it('finds headers with spaces around them and blank cells among them, and names a doubled one', () => {
    expect(findColumns('S', [null, ' Status ', undefined, 'Score\t'], ['Score', 'Status'])).toEqual({
      Score: 3,
      Status: 1,
    });
    expect(() => findColumns('S', ['Status', 'Status '], ['Status'])).toThrow(
      expect.objectContaining({ key: 'error.duplicateHeader', params: { sheet: 'S', header: 'Status' } }),
    );
    expect(missingHeaders([' Status', null], ['Status', 'Score'])).toEqual(['Score']);
  });
});
