// The settings: each change is saved at once and confirmed (or its failure shown) in a live region.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n';

export interface SettingsValue {
  badge: boolean;
}

interface SettingsSectionProps {
  settings: SettingsValue;
  onSave: (partial: Partial<SettingsValue>) => Promise<SettingsValue>;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function SettingsSection({ settings, onSave }: SettingsSectionProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(settings);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Changes from elsewhere (another options tab, another synced browser) show here too.
  useEffect(() => setValue(settings), [settings]);

  const save = async (partial: Partial<SettingsValue>) => {
    const previous = value;
    setValue({ ...value, ...partial });
    try {
      setValue(await onSave(partial));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setValue(previous);
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading" class="panel__heading">
        {t('settingsHeading')}
      </h2>
      <div class="setting">
        <input
          id="setting-badge"
          type="checkbox"
          checked={value.badge}
          aria-describedby="setting-badge-hint"
          onChange={(event) => void save({ badge: event.currentTarget.checked })}
        />
        <label for="setting-badge">{t('badgeSettingLabel')}</label>
        <p id="setting-badge-hint" class="setting__hint">
          {t('badgeSettingHint')}
        </p>
      </div>
      <p class={status.kind === 'error' ? 'status status--error' : 'status'} role="status">
        {status.kind === 'saved' && t('settingSaved')}
        {status.kind === 'error' && t('settingSaveFailed', status.message)}
      </p>
    </section>
  );
}
