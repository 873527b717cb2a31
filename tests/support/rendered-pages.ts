// Pages as trust centres and legal pages publish them, written for the tests (never copied): a list
// as the browser renders it, the JavaScript shell a static fetch of the same page gets, a page that
// builds its list by script after load, and a page with a "Subprocessors" link in its footer.

export interface PageVendor {
  name: string;
  website: string;
  location: string;
  purpose: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Vendors named "Vendor 1 Ltd" ... with a site each ("vendor-1.example"). */
export function pageVendors(count: number, from = 1): PageVendor[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Vendor ${from + i} Ltd`,
    website: `https://vendor-${from + i}.example`,
    location: i % 2 ? 'Dublin, Ireland' : 'Berlin, Germany',
    purpose: i % 3 ? 'Email delivery' : 'Cloud hosting',
  }));
}

/** The vendor table a rendered page holds. */
export function vendorTable(vendors: readonly PageVendor[]): string {
  const rows = vendors
    .map(
      (v) =>
        `<tr><td><a href="${escapeHtml(v.website)}">${escapeHtml(v.name)}</a></td><td>${escapeHtml(v.purpose)}</td><td>${escapeHtml(v.location)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Subprocessor</th><th>Purpose</th><th>Location</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function frame(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><meta property="og:site_name" content="Acme">${head}</head><body><nav><a href="/">Acme</a> <a href="/pricing">Pricing</a></nav><main>${body}</main><footer><a href="/legal/privacy">Privacy</a></footer></body></html>`;
}

/** The page as the user's browser shows it: the list in the DOM. */
export function renderedListPage(
  vendors: readonly PageVendor[],
  title = 'Subprocessors | Acme Trust Center',
): string {
  return frame(title, `<h1>Subprocessors</h1><p>Last updated 2 December 2026</p>${vendorTable(vendors)}`);
}

/** What a static fetch of a trust-centre page gets: an empty root and a script bundle. */
export function shellPage(title = 'Subprocessors | Acme Trust Center'): string {
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title><script src="/assets/app.4f9c.js" defer></script></head><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`;
}

/**
 * A page whose static HTML is a shell and whose script builds the list after load, from data it
 * fetches (`dataPath`, answering { vendors: PageVendor[] }), after `delayMs`: as a trust-centre app does.
 */
export function scriptBuiltPage(dataPath: string, delayMs = 300): string {
  const script = `
    addEventListener('load', () => setTimeout(async () => {
      const { vendors } = await (await fetch(${JSON.stringify(dataPath)}, { cache: 'no-store' })).json();
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const label of ['Subprocessor', 'Purpose', 'Location']) {
        const th = document.createElement('th'); th.textContent = label; head.append(th);
      }
      const body = table.createTBody();
      for (const v of vendors) {
        const row = body.insertRow();
        const link = document.createElement('a'); link.href = v.website; link.textContent = v.name;
        row.insertCell().append(link);
        row.insertCell().textContent = v.purpose;
        row.insertCell().textContent = v.location;
      }
      const h1 = document.createElement('h1'); h1.textContent = 'Subprocessors';
      document.getElementById('root').replaceChildren(h1, table);
    }, ${delayMs}));`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Subprocessors | Acme Trust Center</title><meta property="og:site_name" content="Acme"><script>${script}</script></head><body><div id="root"><p>Loading…</p></div></body></html>`;
}

/** A product page, no list, with the usual legal links in its footer. */
export function footerLinkPage(listPath = '/legal/subprocessors'): string {
  return `<!doctype html><html><head><title>Acme: pricing</title></head><body><main><h1>Pricing</h1><p>Plans for every team.</p></main><footer><a href="/legal/privacy">Privacy</a> <a href="/legal/terms">Terms</a> <a href="${escapeHtml(listPath)}">Subprocessors</a></footer></body></html>`;
}
