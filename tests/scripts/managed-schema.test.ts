// The admin policy's schema ships with the Chrome build and says what the extension reads: every
// key parsePolicy knows, with the same schedule choices; Firefox's manifest goes without the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '../../src/platform/managed-policy';
import { SCHEDULES } from '../../src/platform/store/settings';
import { DIST_CHROME, DIST_FIREFOX, ensureBuilt } from '../browser/support/build';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

interface Schema {
  properties: {
    schedule: { enum: string[] };
    sources: { items: { properties: Record<string, unknown> } };
  } & Record<string, unknown>;
}
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

beforeAll(() => {
  ensureBuilt();
}, 120_000);

describe('managed_schema.json', () => {
  it('is copied into the Chrome build and named by its manifest', () => {
    const manifest = json(join(DIST_CHROME, 'manifest.json'));
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(json(join(DIST_CHROME, 'managed_schema.json'))).toEqual(json('managed_schema.json'));
  });

  it('is not in the Firefox manifest, which reads policies its own way', () => {
    expect(json(join(DIST_FIREFOX, 'manifest.json')).storage).toBeUndefined();
  });

  it('describes exactly what the extension reads', () => {
    const schema = json('managed_schema.json') as unknown as Schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['badge', 'notifications', 'schedule', 'sources']);
    expect([...schema.properties.schedule.enum].sort()).toEqual([...SCHEDULES].sort());
    expect(Object.keys(schema.properties.sources.items.properties)).toEqual(['url', 'title']);
    // A policy that uses every key the schema allows is read without a single issue.
    const example = {
      sources: [{ url: 'https://privacy.example.org/register.json', title: 'Our register' }],
      schedule: 'weekly',
      badge: true,
      notifications: false,
    };
    expect(parsePolicy(example).issues).toEqual([]);
  });
});
