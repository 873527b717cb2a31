// Preact components shared by the popup and the options page. Core types in, markup out.
export { EmptyState } from './empty-state';
export { Findings, SeverityLabel, severityOf } from './findings';
export { clip, displayHost, formatAge, formatDay, safeHttpUrl } from './format';
export { HostedOnNote } from './hosted-on-note';
export { type I18n, I18nProvider, isolate, makeI18n, plural, type Translate, useI18n } from './i18n';
export { type MessageEntry, type Messages, translatorFromMessages } from './messages';
export { SafeLink } from './safe-link';
export { SourceLine } from './source-line';
export { VendorCard } from './vendor-card';
export { regionName, VendorFacts } from './vendor-facts';
