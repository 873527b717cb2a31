// One vendor repeated with a new certification on every row made merging quadratic (issue 14,
// finding 2: 0.3 MB 2.6 s, 0.7 MB 10 s, 1.4 MB 53 s). Timed at 0.5, 1, 2 and 5 MB in one run and
// compared as ratios: linear work keeps the time per character about flat, quadratic work makes
// it ten times higher at 5 MB than at 0.5 MB. The bound is generous, so a loaded machine does
// not flake, and far below what a quadratic merge takes.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { MAX_INPUT_CHARS } from '../../../src/core/parse/index';
import { TODAY } from '../../support/test-date';

const SIZES = [500_000, 1_000_000, 2_000_000, MAX_INPUT_CHARS - 1000];
// Time per character at 5 MB over time per character at 0.5 MB (linear ~1, quadratic ~10).
const MAX_SLOWDOWN = 5;

function repeated(head: string, row: (i: number) => string, size: number): string {
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < size; i++) {
    const next = row(i);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

function msPerChar(text: string): number {
  const started = performance.now();
  const result = parse(text, { today: TODAY });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error.message);
  expect(result.list.vendors).toHaveLength(1);
  const [vendor] = result.list.vendors;
  expect(vendor?.certifications).toHaveLength(100);
  return ms / text.length;
}

function slowdown(make: (size: number) => string): number {
  const inputs = SIZES.map(make);
  msPerChar(inputs[0] ?? ''); // warm the JIT so the smallest size is not measured cold
  const perChar = inputs.map(msPerChar);
  return (perChar.at(-1) ?? 0) / Math.min(perChar[0] ?? 0, perChar[1] ?? 0);
}

describe('merging a repeated vendor is linear', () => {
  it('in a markdown table of certification rows', () => {
    const make = (size: number) =>
      repeated(
        '| Vendor | Certifications | Location |\n|---|---|---|\n',
        (i) => `| Stripe | SOC 2, Audit ${i} | Place ${i} |\n`,
        size,
      );
    expect(slowdown(make)).toBeLessThan(MAX_SLOWDOWN);
  }, 120_000);

  it('in markdown sections of one heading per vendor', () => {
    const make = (size: number) =>
      repeated(
        '',
        (i) => `## Stripe\n- **Certifications:** Audit ${i}\n- **Location:** Place ${i}\n\n`,
        size,
      );
    expect(slowdown(make)).toBeLessThan(MAX_SLOWDOWN);
  }, 120_000);
});
