// Host permissions for list sources. The manifest asks at install only for the default source's
// origin; any other origin is an optional permission asked for when the user adds that source, and
// given back when the last source on it is removed. A server that allows cross-origin reads (CORS)
// needs none of this.
import { browser } from './browser';

/** The match pattern for a URL's origin ("https://example.com/*"); null for a non-http(s) URL. */
export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    // Match patterns take no port: the permission covers the host on any port.
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}

/** Whether the extension may read `url`'s origin across origins (manifest or granted). */
export async function hasOrigin(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Asks the user for `url`'s origin. Call it straight from a click handler: browsers show the prompt
 * only during a user gesture (and Firefox loses the gesture across an await before this call).
 * Resolves true when granted (or already held), false when refused or impossible.
 */
export async function requestOrigin(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Gives back an optional origin; the manifest's own host permissions cannot be and are kept. */
export async function releaseOrigin(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  const required = browser.runtime.getManifest().host_permissions ?? [];
  if (required.includes(pattern)) return false;
  try {
    return await browser.permissions.remove({ origins: [pattern] });
  } catch {
    return false;
  }
}
