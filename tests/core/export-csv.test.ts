import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvRow, registerToCsv } from '../../src/core/export-csv';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { parse } from '../../src/core/parse';
import { mergeLists } from '../../src/core/register/merge';
import { FC_SEED, listOf, vendorArb } from '../support/list-arbitraries';
import { TODAY } from '../support/test-date';
import { english } from '../support/translations';

/** An RFC 4180 reader, written independently of the writer: quoted fields, doubled quotes, CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function parsed(path: string, title: string): SubprocessorList {
  const result = parse(readFileSync(path, 'utf8'), { today: TODAY, title });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

const dovetail = parsed('assets/data/dovetail-subprocessors.md', 'Dovetail');
const acme = parsed('tests/fixtures/refresh/acme-notes.md', 'Acme Notes');

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Stripe')).toBe('Stripe');
    expect(csvCell('')).toBe('');
  });

  it('quotes a comma, a quote or a line end, doubling quotes (RFC 4180)', () => {
    expect(csvCell('San Francisco, United States')).toBe('"San Francisco, United States"');
    expect(csvCell('the "best" vendor')).toBe('"the ""best"" vendor"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('leaves a formula character inside a cell alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('ISO 27001 - 2013')).toBe('ISO 27001 - 2013');
    expect(csvCell('support@stripe.com')).toBe('support@stripe.com');
  });

  it('reads back as the same text (with the apostrophe where one was needed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const [row] = readCsv(`${csvRow([value, 'end'])}\r\n`);
        const expected = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        expect(row).toEqual([expected, 'end']);
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  it('never lets a cell start a formula, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), (values) => {
        const [row] = readCsv(`${csvRow([...values, 'end'])}\r\n`);
        for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });
});

describe('registerToCsv', () => {
  it('writes a header and one row per vendor, with CRLF line ends', () => {
    const csv = registerToCsv(dovetail, english);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(dovetail.vendors.map((v) => v.name));
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('puts each fact of a vendor under its column', () => {
    const rows = readCsv(registerToCsv(dovetail, english));
    const header = rows[0] ?? [];
    const stripe = rows.find((r) => r[0] === 'Stripe') ?? [];
    const cell = (column: (typeof CSV_COLUMNS)[number]) => stripe[header.indexOf(column)];
    expect(cell('Website')).toBe('https://stripe.com');
    expect(cell('Location')).toBe('San Francisco, United States');
    expect(cell('Country')).toBe('US');
    expect(cell('DPA status')).toBe('signed');
    expect(cell('DPA date')).toBe('2018-10-08');
    expect(cell('Certifications')).toContain('PCI DSS');
    expect(cell('Findings')).toMatch(/^(info|warning|risk): /);
    expect(cell('Findings')).toContain(
      'info: Located in the United States. The EU adequacy decision of 10 July 2023',
    );
    expect(cell('Listed by')).toBe('');
  });

  it('adds the team’s review of each vendor, found by identity, with notes as inert text', () => {
    const reviews = {
      stripe: {
        name: 'Stripe, Inc.',
        host: 'stripe.com',
        status: 'approved' as const,
        dpaSignedOn: '2026-03-01',
        dpaLink: 'https://example.com/dpa',
        owner: 'Priya',
        nextReview: '2027-03-01',
        notes: "=cmd|' /C calc'!A0, second line\nthird",
        updatedAt: '2026-12-01T00:00:00Z',
      },
    };
    const rows = readCsv(registerToCsv(dovetail, english, reviews));
    const header = rows[0] ?? [];
    const row = (name: string) => rows.find((r) => r[0] === name) ?? [];
    const cell = (r: string[], column: (typeof CSV_COLUMNS)[number]) => r[header.indexOf(column)];
    const stripe = row('Stripe');
    expect(cell(stripe, 'My status')).toBe('approved');
    expect(cell(stripe, 'My DPA signed')).toBe('2026-03-01');
    expect(cell(stripe, 'Owner')).toBe('Priya');
    expect(cell(stripe, 'Next review')).toBe('2027-03-01');
    // A note that starts like a formula is neutralised; its line end stays inside the cell.
    expect(cell(stripe, 'Notes')).toBe("'=cmd|' /C calc'!A0, second line\nthird");
    // Nobody reviewed Mixpanel: its review cells are empty.
    const other = rows.find((r) => r[0] !== 'Stripe' && r !== header) ?? [];
    expect(
      ['My status', 'My DPA signed', 'Owner', 'Next review', 'Notes'].map((c) => cell(other, c as 'Notes')),
    ).toEqual(['', '', '', '', '']);
  });

  it('says who lists a vendor in a merged register, with each list’s DPA and location', () => {
    const register = mergeLists([
      { sourceId: 'dovetail', list: dovetail },
      { sourceId: 'acme', list: acme },
    ]);
    const rows = readCsv(registerToCsv(register, english));
    const header = rows[0] ?? [];
    const stripe = rows.find((r) => r[0] === 'Stripe') ?? [];
    expect(stripe[header.indexOf('Listed by')]).toBe(
      'Dovetail (DPA signed 2018-10-08, San Francisco, United States); Acme Notes (DPA not-signed, Dublin, Ireland)',
    );
  });

  it('keeps a hostile vendor inert and in its own row', () => {
    const [base] = dovetail.vendors as [Vendor];
    const hostile: Vendor = {
      ...base,
      name: '=cmd|" /C calc"!A0',
      location: { text: '@SUM(1+1)\r\nNext row?', country: null },
      use: ['-1', '+1'],
    };
    const rows = readCsv(registerToCsv(listOf([hostile]), english));
    expect(rows).toHaveLength(2);
    const row = rows[1] ?? [];
    expect(row[0]).toBe(`'=cmd|" /C calc"!A0`);
    expect(row[3]).toBe("'@SUM(1+1)\r\nNext row?");
    // Items are joined first, so only the cell's start matters: "-1; +1" starts with a minus.
    expect(row[7]).toBe("'-1; +1");
  });

  it('writes every generated register as a table of the right shape', () => {
    fc.assert(
      fc.property(fc.array(vendorArb, { maxLength: 6 }), (vendors) => {
        const rows = readCsv(registerToCsv(listOf(vendors), english));
        expect(rows).toHaveLength(vendors.length + 1);
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
        expect(rows.slice(1).map((r) => r[0])).toEqual(
          vendors.map((v) => (/^[=+\-@\t\r]/.test(v.name) ? `'${v.name}` : v.name)),
        );
      }),
      { seed: FC_SEED, numRuns: 100 },
    );
  });
});
