// Import of a file that may carry the team's reviews (a v1 JSON export has them in its "review"
// field): the list first, then the reviews. The reviews are the team's own work, so a failure to
// store them is said in the reply, never swallowed; the stored reviews stay as they were.
import type { Reply } from '../platform/source-types';

type Translate = (key: string, subs?: string | string[]) => string;

export async function importWithReviews(
  text: string,
  fileName: string,
  importList: (text: string, fileName: string) => Promise<Reply>,
  importReviews: (text: string) => Promise<number>,
  t: Translate,
): Promise<Reply> {
  const reply = await importList(text, fileName);
  if (!reply.ok) return reply;
  try {
    const count = await importReviews(text);
    return count > 0
      ? { ...reply, message: `${reply.message} ${t('reviewsImported', String(count))}` }
      : reply;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...reply, ok: false, message: `${reply.message} ${t('reviewsImportFailed', reason)}` };
  }
}
