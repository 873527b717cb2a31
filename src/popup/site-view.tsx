// What the popup shows before a search: the vendor of the tab's site, or why there is none.
import type { Vendor } from '../core/list';
import { type MatchIndex, type MatchResult, match, NO_MATCH, siteHostOf } from '../core/match';
import type { ReviewStatus } from '../core/register/review-state';
import { EmptyState } from '../ui/empty-state';
import { HostedOnNote } from '../ui/hosted-on-note';
import { isolate, useI18n } from '../ui/i18n';
import { VendorCard } from '../ui/vendor-card';

/** The tab's host and what it matched: from the register's match index, or from the read views. */
export interface SiteMatch {
  host: string | null;
  found: MatchResult;
}

export function siteMatchOf(index: MatchIndex | null, tabUrl: string | null): SiteMatch {
  const host = siteHostOf(tabUrl);
  return { host, found: host && index ? match(index, host) : NO_MATCH };
}

interface SiteViewProps {
  site: SiteMatch;
  addedOn: (vendor: Vendor) => string | null;
  showListedBy: boolean;
  myStatus?: (vendor: Vendor) => ReviewStatus | null;
}

export function SiteView({ site, addedOn, showListedBy, myStatus = () => null }: SiteViewProps) {
  const { t } = useI18n();
  const { host, found } = site;
  if (!host) return <EmptyState title={t('noSiteTitle')}>{t('noSiteHint')}</EmptyState>;
  if (!found.vendor) {
    return <EmptyState title={t('noVendorTitle')}>{t('noVendorHint', isolate(host))}</EmptyState>;
  }
  if (found.relation === 'hosted-on') {
    return (
      <>
        <HostedOnNote host={host} vendorName={found.vendor.name} domain={found.domain ?? ''} />
        <VendorCard
          vendor={found.vendor}
          addedOn={addedOn(found.vendor)}
          showListedBy={showListedBy}
          myStatus={myStatus(found.vendor)}
        />
      </>
    );
  }
  return (
    <VendorCard
      vendor={found.vendor}
      eyebrow={t('siteVendorLabel')}
      addedOn={addedOn(found.vendor)}
      showListedBy={showListedBy}
      myStatus={myStatus(found.vendor)}
    />
  );
}
