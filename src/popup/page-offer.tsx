// What the popup says of the page it was opened on, after the vendor card: the page lists N
// subprocessors (with the first names and how they were read, and a Follow button), or it links to
// a list, or nothing. Never an error box: a page that cannot be read says nothing, or one sentence.
import { useState } from 'preact/hooks';
import type { Reader } from '../core/result';
import type { PagePreview, Reply } from '../platform/source-types';
import { clip } from '../ui/format';
import { isolate, plural, useI18n } from '../ui/i18n';
import { SafeLink } from '../ui/safe-link';

/** The page as the popup knows it: not read yet, or what the background found. */
export type PageState = { status: 'reading' } | { status: 'read'; page: PagePreview };

interface PageOfferProps {
  state: PageState;
  /** Follows the page (asks for the origin's permission in the click, then the background). */
  onFollow: (page: PagePreview) => Promise<Reply>;
}

// Its own wording for the popup's one line ("Read as a table"), not READER_KEYS' labels.
const READER_KEY: Record<Reader, string> = {
  table: 'pageReaderTable',
  sections: 'pageReaderSections',
  bullets: 'pageReaderBullets',
  links: 'pageReaderLinks',
  prose: 'pageReaderProse',
  json: 'pageReaderJson',
  yaml: 'pageReaderYaml',
};

function ListOffer({ page, onFollow }: { page: PagePreview; onFollow: PageOfferProps['onFollow'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [follow, setFollow] = useState<{ busy: boolean; reply: Reply | null }>({ busy: false, reply: null });
  const list = page.list;
  if (!list) return null;
  const names = list.names.map((name) => clip(name, 60)).join(', ');
  const more = list.count - list.names.length;
  const followed = page.followedId !== null || follow.reply?.ok === true;
  const click = () => {
    if (follow.busy) return;
    setFollow({ busy: true, reply: null });
    onFollow(page).then(
      (reply) => setFollow({ busy: false, reply }),
      (error: unknown) =>
        setFollow({ busy: false, reply: { ok: false, message: String(error), sourceId: null, reports: [] } }),
    );
  };
  return (
    <section class="page-offer" aria-labelledby="page-offer-title">
      <h2 id="page-offer-title" class="page-offer__title">
        {plural(i18n, 'pageListsCount', list.count)}
      </h2>
      <p class="page-offer__names" dir="auto">
        {more > 0 ? t('pageNamesMore', [isolate(names), String(more)]) : isolate(names)}
      </p>
      <p class="page-offer__how muted">
        {t('pageReadAs', [
          t(READER_KEY[list.reader] ?? 'pageReaderTable'),
          t(`confidence_${list.confidence}`),
        ])}
      </p>
      {followed ? (
        <p class="page-offer__done" role="status">
          {follow.reply?.ok ? follow.reply.message : t('pageFollowed')}
        </p>
      ) : (
        <>
          <button type="button" class="button button--primary" onClick={click} aria-busy={follow.busy}>
            {follow.busy ? t('pageFollowing') : t('pageFollow')}
          </button>
          {follow.reply && !follow.reply.ok && (
            <p class="page-offer__note" role="status">
              {follow.reply.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function PageOffer({ state, onFollow }: PageOfferProps) {
  const { t } = useI18n();
  if (state.status === 'reading') return null;
  const { page } = state;
  if (page.state === 'list') return <ListOffer page={page} onFollow={onFollow} />;
  if (page.state === 'links') {
    return (
      <section class="page-offer" aria-labelledby="page-offer-title">
        <h2 id="page-offer-title" class="page-offer__title">
          {t('pageLinksTitle')}
        </h2>
        <ul class="page-offer__links">
          {page.links.map((link) => (
            <li key={link.url}>
              <SafeLink href={link.url}>{clip(link.text, 120)}</SafeLink>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (page.state === 'too-large') return <p class="page-offer__note muted">{t('pageTooLarge')}</p>;
  return null; // not a list, or a page that may not be read: nothing to say
}
