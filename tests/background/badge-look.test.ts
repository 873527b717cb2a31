import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundledLists } from '../../scripts/build-data';
import { BADGE_COLORS } from '../../src/background/badge-colors';
import { badgeLook } from '../../src/background/badge-look';
import type { Vendor } from '../../src/core/list';
import { buildMatchIndex, match } from '../../src/core/match';
import { TODAY } from '../support/test-date';
import { withoutIsolates } from '../support/visible';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

const [dovetail] = buildBundledLists(process.cwd(), TODAY);
if (!dovetail) throw new Error('no bundled source');
const index = buildMatchIndex(dovetail.list);

// Titles compared as read: list text in them sits in isolates (a test below checks they are there).
const readable = (found: ReturnType<typeof badgeLook>) =>
  found && { ...found, title: withoutIsolates(found.title) };

function look(host: string) {
  return readable(badgeLook(match(index, host), host));
}

function vendorWith(patch: Partial<Vendor>): Vendor {
  const stripe = dovetail?.list.vendors.find((v) => v.name === 'Stripe');
  if (!stripe) throw new Error('Stripe missing from the bundled list');
  return { ...stripe, ...patch };
}

function lookOf(vendor: Vendor) {
  return readable(badgeLook({ vendor, relation: 'vendor', domain: 'stripe.com' }, 'stripe.com'));
}

beforeAll(() => {
  // Titles read the same everywhere: the date format comes from the translation, not the machine.
  expect(new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(Date.UTC(2018, 9, 8))).toBe('Oct');
});

describe('badgeLook on the bundled Dovetail list', () => {
  it('names Heroku and its Privacy Shield finding, with its DPA, in warning colours', () => {
    expect(look('heroku.com')).toEqual({
      text: '!',
      ...BADGE_COLORS.warning,
      title: 'Heroku: relies on Privacy Shield, invalid since 2020\nDPA incorporated into the terms',
    });
  });

  it('gives Stripe, whose findings are only notes, the neutral look and its signed DPA with the date', () => {
    expect(look('dashboard.stripe.com')).toEqual({
      text: 'i',
      ...BADGE_COLORS.vendor,
      title: 'Stripe: DPA signed 8 Oct 2018',
    });
  });

  it('shows a customer site hosted on Heroku quietly, without Heroku’s findings', () => {
    expect(look('foo.herokuapp.com')).toEqual({
      text: 'on',
      ...BADGE_COLORS.hostedOn,
      title:
        "foo.herokuapp.com is hosted on Heroku, a subprocessor on your list. It is a customer's site, not Heroku's own.",
    });
  });

  it('treats the hosting domain itself as the vendor’s own site', () => {
    expect(look('herokuapp.com')?.text).toBe('!');
  });

  it('clears the badge for any other host', () => {
    expect(look('example.org')).toBeNull();
    expect(look('amazon.com')).toBeNull();
  });
});

describe('badgeLook by finding', () => {
  it('uses the neutral colour and the DPA when the top finding is only informational', () => {
    const info = { id: 'stale-list', severity: 'info' as const, message: 'The source list is old.' };
    expect(lookOf(vendorWith({ flags: [info] }))).toEqual({
      text: 'i',
      ...BADGE_COLORS.vendor,
      title: 'Stripe: DPA signed 8 Oct 2018',
    });
    expect(lookOf(vendorWith({ flags: [] }))?.title).toBe('Stripe: DPA signed 8 Oct 2018');
  });

  it('uses red and a different text for a risk, and does not repeat the DPA', () => {
    const risk = { id: 'dpa-not-signed', severity: 'risk' as const, message: 'No DPA.' };
    expect(
      lookOf(vendorWith({ flags: [risk], dpa: { status: 'not-signed', date: null, text: 'No' } })),
    ).toEqual({
      text: '!!',
      ...BADGE_COLORS.risk,
      title: 'Stripe: no DPA signed',
    });
  });

  it('summarises each DPA status', () => {
    const titles = (['signed', 'incorporated', 'unknown'] as const).map(
      (status) => lookOf(vendorWith({ flags: [], dpa: { status, date: null, text: '' } }))?.title,
    );
    expect(titles).toEqual([
      'Stripe: DPA signed',
      'Stripe: DPA incorporated into the terms',
      'Stripe: DPA not stated',
    ]);
  });

  it('falls back to the first sentence of a finding it has no phrase for', () => {
    const stale = { id: 'stale-list', severity: 'warning' as const, params: { updated: '2018-10-08' } };
    expect(lookOf(vendorWith({ flags: [stale] }))?.title).toBe(
      'Stripe: The source list was last updated on 8 October 2018, more than 12 months ago: vendors and terms may…\nDPA signed 8 Oct 2018',
    );
    // A finding written by a newer version still reads as a sentence, never as a blank.
    const unknown = { id: 'from-a-newer-list', severity: 'warning' as const };
    expect(lookOf(vendorWith({ flags: [unknown] }))?.title).toContain('Stripe: A finding this version');
  });
});

describe('badgeLook with right-to-left list text', () => {
  it('isolates the vendor name and host, so an override in a name cannot reorder the title', () => {
    // U+202E (right-to-left override) survives nowhere in a parsed list, but a right-to-left name
    // does; either way the name must stay inside its own isolate.
    const name = 'شركة\u202eepirtS';
    const title = badgeLook(
      { vendor: vendorWith({ name, flags: [] }), relation: 'vendor', domain: 'stripe.com' },
      'stripe.com',
    )?.title;
    expect(title).toBe(`\u2068${name}\u2069: DPA signed 8 Oct 2018`);
    const hosted = badgeLook(
      { vendor: vendorWith({ name }), relation: 'hosted-on', domain: 'herokuapp.com' },
      'shop.herokuapp.com',
    )?.title;
    expect(hosted).toContain('\u2068shop.herokuapp.com\u2069');
    expect(hosted).toContain(`\u2068${name}\u2069`);
  });
});
