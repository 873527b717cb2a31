// Inputs far past what a real list holds must still answer (issue 14, finding 6): no
// "Maximum call stack size exceeded" from spreading a large array or recursing into deep values.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { MAX_VENDORS } from '../../../src/core/parse/build-vendors';
import { names, parseOk } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

const deepArray = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"text":'.repeat(depth)}"x"${'}'.repeat(depth)}`;

describe('parse at the extremes', () => {
  it('reads a 130,000-row table and keeps the first vendors up to the cap', () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => `|V${i}|P|`).join('\n');
    const result = parse(`|Vendor|Purpose|\n|-|-|\n${rows}`, { today: TODAY });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.list.vendors).toHaveLength(MAX_VENDORS);
    expect(result.list.vendors[0]?.name).toBe('V0');
    expect(result.warnings).toContain(`Only the first ${MAX_VENDORS} vendors were kept.`);
  }, 60_000);

  it('ignores a JSON value nested 5,000 deep under a key it does not read', () => {
    const text = `[{"name": "Stripe", "purpose": "Payments", "extra": ${deepArray(5000)}}]`;
    expect(names(parseOk(text))).toEqual(['Stripe']);
  });

  it('reads a vendor whose read field nests 5,000 deep, without its deep part', () => {
    const list = parseOk(
      `[{"name": "Stripe", "purpose": ${deepArray(5000)}, "location": ${deepObject(5000)}},
        {"name": "Adyen", "purpose": [["Payments"]], "location": {"text": "Netherlands"}}]`,
    );
    expect(list.vendors.map((v) => [v.name, v.use, v.location.text])).toEqual([
      ['Stripe', [], ''],
      ['Adyen', ['Payments'], 'Netherlands'],
    ]);
  });

  it('answers a JSON document nested 5,000 deep with an error, not a crash', () => {
    const result = parse(deepArray(5000), { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toMatch(/call stack/);
  });
});
