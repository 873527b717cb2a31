// Whether a host is itself a public suffix ("co.uk", "github.io", "com"): one with no registrable
// part under the extension's own reading of the Public Suffix List (registrableDomain). Only the
// tests ask; the extension asks for the registrable domain.
import { registrableDomain } from '../../src/core/normalize/public-suffix';

export function isPublicSuffix(host: string): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return lower !== '' && registrableDomain(lower) === null;
}
