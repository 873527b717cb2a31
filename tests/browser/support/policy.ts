// An admin policy for the extension, the way an organisation deploys one to Chromium: a JSON file in
// /etc/chromium/policies/managed with the extension's settings under 3rdparty.extensions.<id>. The
// extension id has to be known beforehand, so the test build pins it with a manifest `key` (the
// shipped build has none): id = the first 32 hex digits of the SHA-256 of the DER public key, each
// digit 0-f written as a letter a-p.
//
// The policy file is machine-wide: it is written as root, named for this process, removed by the
// returned function (call it in afterAll; it also runs on exit), and only ever names the test
// build's own random id, so no other browser or extension on the machine sees a policy from it. A
// machine where the file cannot be written fails the test with the reason: it never skips.
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's extension id for a DER-encoded public key. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface PinnedBuild {
  dir: string;
  id: string;
  remove(): void;
}

/** A copy of the built extension whose id is pinned by a fresh key (for this test only). */
export function pinnedBuild(dist: string): PinnedBuild {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const dir = mkdtempSync(join(tmpdir(), 'lens-pinned-'));
  cpSync(dist, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }, null, 2));
  return { dir, id: extensionIdOf(der), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes a Chromium policy file giving extension `id` the managed storage `policy`; resolves to the
 * function that removes it (and the folders it had to make). Throws, with the reason, where the
 * policy folder cannot be written (not root, read-only /etc): that is a failure, not a skip.
 */
export function writeChromiumPolicy(id: string, policy: Record<string, unknown>): () => void {
  const made: string[] = [];
  const file = join(CHROMIUM_POLICY_DIR, `subprocessor-lens-test-${process.pid}.json`);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    rmSync(file, { force: true });
    for (const dir of made) {
      try {
        rmdirSync(dir); // only when empty: another file there is not ours
      } catch {}
    }
    process.off('exit', remove);
  };
  process.on('exit', remove);
  try {
    for (const dir of ['/etc/chromium', '/etc/chromium/policies', CHROMIUM_POLICY_DIR]) {
      if (existsSync(dir)) continue;
      mkdirSync(dir);
      made.unshift(dir);
    }
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  } catch (error) {
    remove();
    throw new Error(
      `cannot write the Chromium policy file ${file} (the policy test needs root): ${(error as Error).message}`,
    );
  }
  return remove;
}
