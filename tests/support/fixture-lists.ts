// The list fixtures (tests/fixtures/lists) and a parse that fails the test with the parser's
// own message when a fixture that should parse does not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { type ParseOptions, parse } from '../../src/core/parse';
import { TODAY } from './test-date';

const here = fileURLToPath(new URL('.', import.meta.url));
export const LISTS_DIR = join(here, '../fixtures/lists');
export const SEED_PATH = join(here, '../../assets/data/dovetail-subprocessors.md');

export function readFixture(name: string): string {
  return readFileSync(join(LISTS_DIR, name), 'utf8');
}

/** Every fixture that should parse (the error inputs live in errors/). */
export const GOOD_FIXTURES = readdirSync(LISTS_DIR).filter((f) => /\.(md|html|json|ya?ml|vue|jsx)$/.test(f));
/** Whole pages in the shapes lists are published in, each with its expected vendors (*.expected.json). */
export const REAL_SHAPES = readdirSync(join(LISTS_DIR, 'real-shapes'))
  .filter((f) => /\.(md|html)$/.test(f))
  .map((f) => `real-shapes/${f}`);
export const ERROR_FIXTURES = readdirSync(join(LISTS_DIR, 'errors')).map((f) => `errors/${f}`);

export function parseOk(text: string, options: ParseOptions = {}): SubprocessorList {
  const result = parse(text, { today: TODAY, ...options });
  if (!result.ok) throw new Error(`expected a list, got ${result.error.code}: ${result.error.message}`);
  return result.list;
}

export function parseFixture(name: string, options: ParseOptions = {}): SubprocessorList {
  return parseOk(readFixture(name), options);
}

export function byName(list: SubprocessorList, name: string): Vendor {
  const vendor = list.vendors.find((v) => v.name === name);
  if (!vendor) throw new Error(`no vendor "${name}" in ${list.vendors.map((v) => v.name).join(', ')}`);
  return vendor;
}

export const names = (list: SubprocessorList): string[] => list.vendors.map((v) => v.name);
export const certIds = (vendor: Vendor): string[] => vendor.certifications.map((c) => c.id);
export const flagIds = (vendor: Vendor): string[] => vendor.flags.map((f) => f.id);
