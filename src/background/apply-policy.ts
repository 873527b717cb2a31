// The organisation's policy put into effect, at every worker start and whenever the browser reloads
// the policy: its copy is recorded for the pages and the settings (which then lock), each source it
// names that the user does not have yet is added (the same path as the user's "Add", fetched at
// once), and the alarms are planned for the schedule in force. Runs one at a time.

import { type Policy, readManagedPolicy, saveAppliedPolicy } from '../platform/managed-policy';
import { allSources, readStore } from '../platform/store';
import { addSourceByUrl } from './commands';
import { planAlarms } from './schedule';

let running: Promise<Policy> = Promise.resolve({ sources: [], locks: {} });

async function apply(): Promise<Policy> {
  const policy = await readManagedPolicy();
  const changed = await saveAppliedPolicy(policy);
  if (policy.sources.length > 0) {
    const read = await readStore();
    const have = new Set(allSources(read.kind === 'ok' ? read.record : null).map((s) => s.url));
    for (const source of policy.sources) {
      if (have.has(source.url)) continue;
      const reply = await addSourceByUrl(source.url, source.title);
      if (!reply.ok) console.warn(`Subprocessor Lens: policy source ${source.url}: ${reply.message}`);
    }
  }
  if (changed) await planAlarms();
  return policy;
}

/** Reads storage.managed and applies it; resolves to the policy applied. */
export function applyPolicy(): Promise<Policy> {
  running = running.catch(() => null).then(apply);
  return running;
}
