// What the default source's address (dovetailapp.com, answered by the local https server) sends in the
// refresh tests, in Chromium and Firefox alike: the refreshed list, one that lost most vendors, and
// the failures that must keep every vendor, each with the outcome and message the user is shown.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The default source's address, as Sites.route takes it. */
export const SOURCE = 'dovetailapp.com/legal/data-subprocessors';

export const refreshed = readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8');

/** The vendors of the refreshed list, by name. */
export const REFRESHED_NAMES = [
  'Amazon Web Services',
  'ChartMogul',
  'Google Cloud',
  'Mixpanel',
  'Rev.ai',
  'SendGrid',
  'Stripe',
];

// The refreshed list cut to its first two vendors: a page that lost most of them.
const [head, ...sections] = refreshed.split('\n## ');
export const truncated = `${head}\n## ${sections.slice(0, 2).join('\n## ')}`;

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function markdown(body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8', ...headers });
    res.end(body);
  };
}

/** Text as a reader sees it: without the Unicode isolates around list text, spaces collapsed. */
export const visible = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Each failure leaves every vendor in place and says why, and when the kept list was fetched. */
export const KEPT = /The list fetched on .+ stays in use\.$/;

export interface Failure {
  name: string;
  handler: Handler;
  outcome: string;
  message: RegExp;
}

export const FAILURES: Failure[] = [
  {
    name: 'an HTTP 500',
    handler: (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error'),
    outcome: 'http-error',
    message: /^The source answered with an error \(HTTP 500\)\. /,
  },
  {
    name: 'a timeout',
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body>'); // and nothing more
    },
    outcome: 'timeout',
    message: /^The source did not answer within 20 seconds\. /,
  },
  {
    name: 'an empty 200 page',
    handler: markdown(''),
    outcome: 'rejected',
    message: /^The source answered, but no vendors were found in what it sent/,
  },
  {
    name: 'garbage',
    handler: (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"vendors": [{"name": "Rev.ai", '),
    outcome: 'rejected',
    message: /^What the source sent could not be read as a subprocessor list \(Not valid JSON/,
  },
  {
    name: 'an oversized body',
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.on('error', () => undefined);
      res.end(Buffer.alloc(6_000_000, 'a'));
    },
    outcome: 'too-large',
    message: /^The source sent more than 5 MB, more than a subprocessor list can be\. /,
  },
];
