// An organisation's policy through a real Chromium policy file (/etc/chromium/policies/managed),
// for a test build whose id is pinned by a manifest key: the options page follows the team's own
// published register (a v1 JSON at an address of the team's) as set by the organisation, without
// a Remove button, and shows the settings the policy locks as set by it and not editable.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundledSources from '../../assets/data/sources.json';
import { LIST_FORMAT } from '../../src/core/list';
import { seriousA11yViolations } from '../support/axe';
import { DIST_CHROME, ensureBuilt } from './support/build';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { type PinnedBuild, pinnedBuild, writeChromiumPolicy } from './support/policy';

declare const chrome: import('webextension-polyfill').Browser;

const REGISTER = 'privacy.northwind.example/register.json';
/** A list the organisation follows on a host that does not share it across origins (no CORS). */
const UNSHARED = 'legal.northwind.example/subprocessors.json';
const register = {
  format: LIST_FORMAT,
  source: { title: 'Northwind privacy team', url: null, updated: '2026-11-30' },
  vendors: ['Stripe', 'Mixpanel'].map((name) => ({
    name,
    website: `https://${name.toLowerCase()}.com`,
    domains: [`${name.toLowerCase()}.com`],
    location: { text: 'United States', country: 'US' },
    certifications: [],
    dataProcessed: ['Contact details'],
    use: ['Payments'],
    dpa: { status: 'signed', date: '2026-01-15', text: 'Signed 15 January 2026' },
    flags: [],
  })),
};

let build: PinnedBuild | null = null;
let removePolicy: (() => void) | null = null;
let ext: ExtensionBrowser | null = null;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  build = pinnedBuild(DIST_CHROME);
  removePolicy = writeChromiumPolicy(build.id, {
    sources: [
      { url: `https://${REGISTER}`, title: 'Northwind register' },
      { url: `https://${UNSHARED}`, title: 'Northwind legal' },
    ],
    schedule: 'weekly',
    badge: false,
  });
  // The worker's own fetch is not covered by Playwright's ignoreHTTPSErrors.
  ext = await launchExtension({ dist: build.dir, args: ['--ignore-certificate-errors'] });
  expect(ext.extensionId).toBe(build.id);
  // The team serves its register to any origin (CORS), so no host permission is needed to read it.
  ext.sites.route(REGISTER, (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
      .end(JSON.stringify(register)),
  );
  ext.sites.route(UNSHARED, (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(register)),
  );
  page = await ext.extensionPage('options.html');
});

afterAll(async () => {
  await ext?.close();
  removePolicy?.();
  build?.remove();
});

const card = (title: string) =>
  page.locator('.source', { has: page.getByRole('heading', { level: 3, name: title }) });

describe('a policy from /etc/chromium/policies/managed', () => {
  it('follows the team register as set by the organisation, with its vendors, not removable', async () => {
    const team = card('Northwind register');
    await team.waitFor({ timeout: 30_000 });
    await expect.poll(() => team.locator('dd').first().textContent(), { timeout: 30_000 }).toBe('2');
    expect((await team.locator('.managed').textContent())?.replace(/\s+/g, ' ')).toBe(
      'Set by your organisation Your organisation’s policy follows this list; it cannot be removed here.',
    );
    expect(await team.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await team.getByRole('button', { name: /^Refresh/ }).count()).toBe(1);
    // The bundled list is still there, as before.
    expect(await card(bundledSources.sources[0]?.title ?? '').count()).toBe(1);
  });

  it('says clearly when a followed list cannot be read without access, and offers it', async () => {
    const legal = card('Northwind legal');
    const problem = legal.locator('.problem--error');
    await problem.waitFor({ timeout: 30_000 });
    expect((await problem.textContent())?.replace(/[\u2066-\u2069]/g, '')).toMatch(
      /legal\.northwind\.example could not be read: the site does not let extensions read it without your permission\./,
    );
    expect(await legal.getByRole('button', { name: /^Allow access to/ }).count()).toBe(1);
    expect(await legal.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await legal.locator('.managed').count()).toBe(1);
  });

  it('shows the settings it locks as set by the organisation, and leaves the others', async () => {
    const badge = page.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    await expect.poll(() => badge.isDisabled(), { timeout: 30_000 }).toBe(true);
    expect(await badge.isChecked()).toBe(false);
    const schedule = page.getByRole('combobox', { name: 'Check the lists for changes' });
    expect(await schedule.isDisabled()).toBe(true);
    expect(await schedule.inputValue()).toBe('weekly');
    expect(await page.locator('#setting-schedule-locked').textContent()).toMatch(/^Set by your organisation/);
    const notifications = page.getByRole('checkbox', { name: 'Notify me when a list changes' });
    expect(await notifications.isDisabled()).toBe(false);
  });

  it('really locks them: the worker reads the policy values, whatever the stored settings say', async () => {
    const settings = await ext?.inWorker(async () => {
      const area = chrome.storage.sync ?? chrome.storage.local;
      await area.set({ 'lens.settings': { badge: true, schedule: 'daily', notifications: true } });
      return {
        managed: await chrome.storage.managed.get(null),
        applied: (await chrome.storage.local.get('lens.policy'))['lens.policy'],
      };
    }, null);
    expect(settings?.managed).toMatchObject({ badge: false, schedule: 'weekly' });
    expect(settings?.applied).toMatchObject({ badge: false, schedule: 'weekly' });
    await page.reload();
    const badge = page.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    await badge.waitFor();
    expect(await badge.isChecked()).toBe(false);
  });

  it('passes axe-core with the locked settings and the followed source', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
