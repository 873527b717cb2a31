// Shown above a card when the tab is a customer's site on a vendor's hosting domain
// (acme.herokuapp.com): the card is about the host, not about the site's owner.
import { clip } from './format';
import { isolate, useI18n } from './i18n';

interface HostedOnNoteProps {
  host: string;
  vendorName: string;
  domain: string;
}

export function HostedOnNote({ host, vendorName, domain }: HostedOnNoteProps) {
  const { t } = useI18n();
  return (
    <p class="note" role="note">
      {t('hostedOnNote', [isolate(host), isolate(clip(vendorName, 300)), isolate(domain)])}
    </p>
  );
}
