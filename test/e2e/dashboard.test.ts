/**
 * The dashboard's figures and the Summary sheet through the built bundle: in the staff's words,
 * at the spreadsheet's time, declines and lapses apart from "not selected", places counted in
 * places, and the Summary rewritten after sending as well as after allocation.
 */
import type { DashboardData } from '../../src/core/dashboard';
import { allocatedCall } from '../browser/season';
import { CGN, records, setSheetCell } from './harness';

type Emulated = ReturnType<typeof allocatedCall>;

/** The Summary sheet's cells (uncounted). */
function summary(emulator: Emulated): unknown[][] {
  return emulator.workbook().sheetByName('Summary')!.dataValues();
}

/** The Summary's notices table as { label: [sent, waiting, sending, skipped] }. */
function noticeRows(emulator: Emulated, header: string): Record<string, unknown[]> {
  const rows = summary(emulator);
  const at = rows.findIndex((r) => r[0] === header);
  expect(at).toBeGreaterThanOrEqual(0);
  const out: Record<string, unknown[]> = {};
  for (const r of rows.slice(at + 1)) {
    if (r[0] === '') break;
    out[String(r[0])] = r.slice(1, 5);
  }
  return out;
}

describe('the Summary sheet', () => {
  it('is rewritten after Send notices: what was sent no longer shows as waiting', () => {
    const emulator = allocatedCall('en');
    const before = noticeRows(emulator, 'Notice');
    expect(before['Places granted'][1]).toBeGreaterThan(0);
    emulator.run('sendNotices');
    const notices = records(emulator, 'Notices');
    const waiting = notices.filter((n) => n.Status === 'Queued' || n.Status === 'Failed');
    expect(waiting).toEqual([]);
    const after = noticeRows(emulator, 'Notice');
    const offered = notices.filter((n) => n.Type === 'accepted');
    expect(after['Places granted']).toEqual([offered.length, 0, 0, 0]);
    expect(Object.values(after).every((r) => r[1] === 0)).toBe(true);
  });

  it('a Summary that cannot be written after sending costs a Log line, not the outcome of the sending', () => {
    const emulator = allocatedCall('en');
    const before = summary(emulator);
    // getCharts is called by the Summary writer alone.
    emulator.env.calls.failNext('Spreadsheet.Sheet.getCharts');
    const message = emulator.run('sendNotices') as string;
    const notices = records(emulator, 'Notices');
    expect(notices.filter((n) => n.Status === 'Queued')).toEqual([]);
    expect(message).toMatch(/^Sent \d+/);
    expect(summary(emulator)).toEqual(before);
    const log = records(emulator, 'Log').map((r) => String(r.Details));
    expect(log.some((d) => d.startsWith('Summary not refreshed after sending: '))).toBe(true);
  });

  it('speaks the staff language: headers, statuses, notice types and the time, local and in words', () => {
    const emulator = allocatedCall('sl');
    const rows = summary(emulator);
    const flat = rows.flat().map(String);
    // SPEC vocabulary stays in its own sheets; here staff read it translated.
    for (const raw of ['Received', 'Incomplete', 'accepted', 'waitlisted', 'Label', 'Demand', 'Granted'])
      expect([raw, flat.includes(raw)]).toEqual([raw, false]);
    expect(flat).toEqual(
      expect.arrayContaining(['Prejeta', 'Nepopolna', 'Obvestilo o dodeljenih mestih', 'Zaprošena mesta']),
    );
    // The emulator's clock stands at 2017-02-06T08:00:00Z: 9:00 in Ljubljana.
    expect(rows[0][1]).toBe('Stanje ob 6. 2. 2017 9:00');
  });

  it('counts places asked for in places, beside the municipalities that ask', () => {
    const emulator = allocatedCall('en');
    const rows = summary(emulator);
    const header = rows.findIndex((r) => r[0] === 'Excursion ID');
    expect(rows[header].slice(0, 6)).toEqual([
      'Excursion ID',
      'Excursion',
      'Places',
      'Places asked for',
      'Places granted',
      'Municipalities applying',
    ]);
    const cologne = rows.find((r) => r[0] === CGN)!;
    // Taking part and listing Cologne: Ajdovščina 2, Bled 1, Ljubljana 2, Maribor 1, Kranj 1 delegates.
    expect(cologne.slice(2, 6)).toEqual([3, 7, 3, 5]);
  });
});

describe('the dashboard figures', () => {
  it('keeps a decline and a lapse apart from "not selected"', () => {
    const emulator = allocatedCall('en');
    const allocations = records(emulator, 'Allocations');
    const accepted = allocations
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r['Excursion ID'] === CGN && r.Decision === 'Accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    setSheetCell(emulator, 'Allocations', accepted[0].i + 1, 'Response', 'Declined');
    setSheetCell(emulator, 'Allocations', accepted[1].i + 1, 'Response', 'Lapsed');
    const data = emulator.run('getDashboardData') as DashboardData;
    const cologne = data.excursions.find((e) => e.id === CGN)!;
    expect(cologne).toMatchObject({ declined: 1, lapsed: 1, notSelected: 0, accepted: accepted.length - 2 });
    expect(cologne.placesFreed).toBe(Number(accepted[0].r['Places Granted']) + Number(accepted[1].r['Places Granted']));
    // Allocating again keeps them declined and lapsed, not "not selected".
    emulator.run('allocatePlaces');
    const again = (emulator.run('getDashboardData') as DashboardData).excursions.find((e) => e.id === CGN)!;
    expect(again).toMatchObject({ declined: 1, lapsed: 1 });
  });

  it('gives the time the figures were read on the spreadsheet clock, never as raw UTC', () => {
    const emulator = allocatedCall('en');
    const data = emulator.run('getDashboardData') as DashboardData;
    expect(data.generatedAtText).toBe('6 Feb 2017, 9:00');
  });
});
