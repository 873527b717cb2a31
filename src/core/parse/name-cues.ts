// Whether a short text a list highlights (a bold word, a link text, a list item's start) can be a
// vendor's name: never a label, a country, a purpose word, a navigation word or a sentence.
import { normalizeLocation } from '../normalize/location';
import { classifyLabel } from './fields';
import { isListHeading } from './labels';

// Link and button words of page chrome, and pronouns that start a sentence about the publisher.
const NAVIGATION =
  /^(our|your|we|us|the|this|these|that|see|read|learn|download|view|click|here|more|home|about|contact|privacy|terms|cookies?|legal|log ?in|sign ?(in|up)|help|support|blog|careers|pricing|docs|documentation|status|back|next|previous|menu|skip|note|important|example|e\.g|i\.e|all|any|each|every|none|not|only|never|always|must|may|new|updated?|last|today)\b/i;

// What a list says a vendor does, highlighted as often as the vendor's name.
const PURPOSE_WORDS =
  /^(cloud )?(hosting|infrastructure|analytics|payments?|payment processing|billing|e-?mail( delivery)?|email|support|customer support|security|storage|monitoring|logging|error tracking|communications?|marketing|advertising|authentication|identity|crm|search|backups?|cdn|content delivery|data warehousing?|sms|messaging|telephony|translation|ai|machine learning|fraud prevention|personal data|customer data|data|services?|processing|sub-?processors?|vendors?|providers?|affiliates?)$/i;

// A file or a path is a link's text, not a name ("dpa.pdf", "acme.com/legal").
const FILE_OR_PATH = /\/|\.(pdf|docx?|js|css|png|jpe?g|svg|zip)$/i;

export const MAX_NAME_WORDS = 10;
// A name may end in a full stop when a legal form ends it ("Acme Ltda.", "Nexi S.p.A.").
const LEGAL_FORM_STOP =
  /(?:^|[\s,])(?:inc|ltd|ltda|co|corp|gmbh|ag|pty|bhd|l\.l\.c|s\.a|s\.a\.s|s\.p\.a|s\.r\.l|s\.l|b\.v|n\.v|a\.s|p\.l\.c|e\.v|k\.k|s\.e)\.$/i;

/** A place, not a vendor: "Germany", "EU", "United States". */
export function isPlace(text: string): boolean {
  const location = normalizeLocation(text);
  if (location.country) return text.split(/\s+/).length <= 4;
  return /^(eu|eea|emea|apac|europe|global|worldwide|north america|asia pacific|americas)$/i.test(
    text.trim(),
  );
}

/** True when a highlighted text can name a vendor. */
export function looksLikeName(text: string): boolean {
  const name = text.trim();
  if (name.length < 2 || name.length > 80) return false;
  if (name.split(/\s+/).length > MAX_NAME_WORDS) return false;
  if (/[.?!:;,]$/.test(name) && !LEGAL_FORM_STOP.test(name)) return false;
  if (!/\p{L}/u.test(name) || FILE_OR_PATH.test(name)) return false;
  if (NAVIGATION.test(name) || PURPOSE_WORDS.test(name)) return false;
  // "Data processed" is a label; "Twilio Services" is a name that holds a label's word.
  if (classifyLabel(name) && !/\s\p{Lu}/u.test(name)) return false;
  if (isListHeading(name)) return false;
  return !isPlace(name);
}
