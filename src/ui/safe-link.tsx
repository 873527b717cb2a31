// Links to list-provided addresses: only http(s) becomes a link, and it opens in a new tab with no
// opener and no referrer. Anything else (javascript:, data:, ...) is shown as plain text.
import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from './format';
import { useI18n } from './i18n';

interface SafeLinkProps {
  href: string | null | undefined;
  children: ComponentChildren;
  class?: string;
}

export function SafeLink({ href, children, class: className }: SafeLinkProps) {
  const { t } = useI18n();
  const safe = safeHttpUrl(href);
  if (!safe) return <span class={className}>{children}</span>;
  return (
    <a class={className} href={safe} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
