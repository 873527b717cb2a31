import { describe, expect, it } from 'vitest';
import { hostOf, normalizeWebsite } from '../../../src/core/normalize/url';

describe('normalizeWebsite', () => {
  it.each([
    ['https://stripe.com', 'https://stripe.com'],
    ['https://stripe.com/', 'https://stripe.com'],
    ['http://example.org/path?q=1#fragment', 'http://example.org/path?q=1'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['cloud.google.com', 'https://cloud.google.com'],
    ['www.stripe.com/legal', 'https://www.stripe.com/legal'],
    ['example.com:8080/x', 'https://example.com:8080/x'],
    ['//cdn.example.com/x', 'https://cdn.example.com/x'],
    ['https://stripe.com.', 'https://stripe.com'],
    ['https://münchen.de', 'https://xn--mnchen-3ya.de'],
    ['  https://sentry.io  ', 'https://sentry.io'],
  ])('%s -> %s', (raw, url) => {
    expect(normalizeWebsite(raw)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript:1',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'mailto:security@example.com',
    'tel:+15555550100',
    'ftp://files.example.com',
    'file:///etc/passwd',
    'chrome-extension://abc/popup.html',
    'https://user:password@example.com',
    'http://localhost:3000',
    'stripe',
    'not a url at all',
    'https://',
    '\u202ehttps://evil.example',
    '',
    `https://${'a'.repeat(2100)}.com`,
  ])('drops %j', (raw) => {
    expect(normalizeWebsite(raw)).toBeNull();
  });

  it('drops null and undefined', () => {
    expect(normalizeWebsite(null)).toBeNull();
    expect(normalizeWebsite(undefined)).toBeNull();
  });
});

describe('hostOf', () => {
  it('is the lower-case host without www. and trailing dot, or null', () => {
    expect(hostOf('https://WWW.Stripe.com./pricing')).toBe('stripe.com');
    expect(hostOf('aws.amazon.com')).toBe('aws.amazon.com');
    expect(hostOf('javascript:alert(1)')).toBeNull();
  });
});
