// What the popup shows before a search: the vendor of the tab's site, or why there is none.
import type { Vendor } from '../core/list';
import { hostOfInput, type MatchIndex, match } from '../core/match';
import { EmptyState } from '../ui/empty-state';
import { HostedOnNote } from '../ui/hosted-on-note';
import { isolate, useI18n } from '../ui/i18n';
import { VendorCard } from '../ui/vendor-card';

interface SiteViewProps {
  matchIndex: MatchIndex;
  tabUrl: string | null;
  addedOn: (vendor: Vendor) => string | null;
  showListedBy: boolean;
}

export function SiteView({ matchIndex, tabUrl, addedOn, showListedBy }: SiteViewProps) {
  const { t } = useI18n();
  const host = tabUrl ? hostOfInput(tabUrl) : null;
  if (!host) return <EmptyState title={t('noSiteTitle')}>{t('noSiteHint')}</EmptyState>;
  const found = match(matchIndex, host);
  if (!found.vendor) {
    return <EmptyState title={t('noVendorTitle')}>{t('noVendorHint', isolate(host))}</EmptyState>;
  }
  if (found.relation === 'hosted-on') {
    return (
      <>
        <HostedOnNote host={host} vendorName={found.vendor.name} domain={found.domain ?? ''} />
        <VendorCard vendor={found.vendor} addedOn={addedOn(found.vendor)} showListedBy={showListedBy} />
      </>
    );
  }
  return (
    <VendorCard
      vendor={found.vendor}
      eyebrow={t('siteVendorLabel')}
      addedOn={addedOn(found.vendor)}
      showListedBy={showListedBy}
    />
  );
}
