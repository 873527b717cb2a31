// An organisation's policy for the extension: storage.managed (Chrome: the 3rdparty extension
// policy, checked against managed_schema.json; Firefox: a managed_storage manifest or the
// enterprise policies' 3rdparty section). It names sources to follow (not removable by the user)
// and settings to lock. Each part is checked on its own: a bad value is left out with a console
// warning, and the rest still applies; no policy, or none readable, is an empty policy.
//
// The worker reads storage.managed (its first read at browser start took about 1.9 s in Chromium)
// and writes what it applied under POLICY_KEY in storage.local; the pages, the badge and the
// schedule read that copy, so none of them waits for the policy to load.
import * as v from 'valibot';
import type { Storage } from 'webextension-polyfill';
import { sourceUrl } from '../core/normalize/url';
import { browser } from './browser';
import { POLICY_KEY, parseLocks, type Settings } from './store';

export interface PolicySource {
  /** Normalised with core's sourceUrl, so it compares with a stored source's address. */
  url: string;
  title: string | null;
}

export interface Policy {
  sources: PolicySource[];
  locks: Partial<Settings>;
}

export const EMPTY_POLICY: Policy = { sources: [], locks: {} };

/** The sources a policy may name; more are left out (a register of registers is not a policy). */
export const MAX_POLICY_SOURCES = 50;

const SourceSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(2000)),
  title: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

/** Anything storage.managed held -> the policy, and a line per value left out. */
export function parsePolicy(raw: unknown): { policy: Policy; issues: string[] } {
  if (raw === undefined || raw === null) return { policy: EMPTY_POLICY, issues: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { policy: EMPTY_POLICY, issues: ['not an object'] };
  const record = raw as Record<string, unknown>;
  const { locks, issues } = parseLocks(record);
  const sources: PolicySource[] = [];
  if (record.sources !== undefined && !Array.isArray(record.sources)) issues.push('sources: not a list');
  const entries = Array.isArray(record.sources) ? (record.sources as unknown[]) : [];
  entries.forEach((entry, at) => {
    const parsed = v.safeParse(SourceSchema, entry);
    const url = parsed.success ? sourceUrl(parsed.output.url) : null;
    if (!parsed.success || !url) {
      issues.push(`sources.${at}: ${parsed.success ? 'not an http(s) address' : parsed.issues[0]?.message}`);
    } else if (sources.length >= MAX_POLICY_SOURCES) {
      issues.push(`sources.${at}: more than ${MAX_POLICY_SOURCES} sources`);
    } else if (!sources.some((s) => s.url === url)) {
      sources.push({ url, title: parsed.output.title?.trim() || null });
    }
  });
  return { policy: { sources, locks }, issues };
}

/** The policy storage.managed holds now. Never throws: a browser without managed storage (Firefox
 * without a managed_storage manifest says so by throwing) has none. */
export async function readManagedPolicy(): Promise<Policy> {
  let raw: unknown;
  try {
    raw = browser.storage.managed ? await browser.storage.managed.get(null) : undefined;
  } catch {
    return EMPTY_POLICY;
  }
  const { policy, issues } = parsePolicy(raw);
  for (const issue of issues) console.warn(`Subprocessor Lens: policy value ignored: ${issue}`);
  return policy;
}

/** The policy as the worker last applied it (what pages and settings go by). */
export async function loadAppliedPolicy(): Promise<Policy> {
  try {
    return parsePolicy((await browser.storage.local.get(POLICY_KEY))[POLICY_KEY]).policy;
  } catch {
    return EMPTY_POLICY;
  }
}

/** A policy in the shape an administrator writes it (and the applied copy is stored in). */
export function policyJson(policy: Policy): Record<string, unknown> {
  return {
    sources: policy.sources.map((s) => (s.title === null ? { url: s.url } : { url: s.url, title: s.title })),
    ...policy.locks,
  };
}

/** Records `policy` as applied; false when it was already (nothing written, no change event). */
export async function saveAppliedPolicy(policy: Policy): Promise<boolean> {
  if (JSON.stringify(await loadAppliedPolicy()) === JSON.stringify(policy)) return false;
  await browser.storage.local.set({ [POLICY_KEY]: policyJson(policy) });
  return true;
}

/** Whether the policy names a source at this address (then the user cannot remove it). */
export function followedByPolicy(policy: Policy, url: string | null): boolean {
  const address = url === null ? null : sourceUrl(url);
  return address !== null && policy.sources.some((s) => s.url === address);
}

/** Calls back when the organisation's policy changes (the browser reloaded it). */
export function onManagedPolicyChanged(callback: () => void): void {
  browser.storage.onChanged.addListener((_changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'managed') callback();
  });
}
