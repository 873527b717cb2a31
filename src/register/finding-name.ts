// A finding's short name for a filter menu ("DPA status unknown"), by its id; an id this version has
// no name for (a newer list's finding) shows as the id itself.
import type { I18n } from '../ui/i18n';

export function findingName(id: string, i18n: I18n): string {
  return i18n.t(`findingName_${id.replace(/[^A-Za-z0-9]/g, '_')}`) || id;
}
