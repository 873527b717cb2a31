// The settings: each change is saved at once and confirmed (or its failure shown) in a live region.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n';

export const SCHEDULE_CHOICES = ['daily', 'weekly', 'off'] as const;
export type ScheduleChoice = (typeof SCHEDULE_CHOICES)[number];

export interface SettingsValue {
  badge: boolean;
  /** How often the sources are fetched in the background. */
  schedule: ScheduleChoice;
  /** A browser notification when a refresh changes the vendors. */
  notifications: boolean;
  /** Days to object per source id (objection-section.tsx); absent: the default for every source. */
  objectionDays?: Readonly<Record<string, number>>;
}

interface SettingsSectionProps {
  settings: SettingsValue;
  onSave: (partial: Partial<SettingsValue>) => Promise<SettingsValue>;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

const SCHEDULE_KEY: Record<ScheduleChoice, string> = {
  daily: 'scheduleDaily',
  weekly: 'scheduleWeekly',
  off: 'scheduleOff',
};

const isSchedule = (value: string): value is ScheduleChoice =>
  (SCHEDULE_CHOICES as readonly string[]).includes(value);

function Checkbox(props: {
  id: string;
  checked: boolean;
  label: string;
  hint: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="setting">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      <p id={`${props.id}-hint`} class="setting__hint">
        {props.hint}
      </p>
    </div>
  );
}

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
      <Checkbox
        id="setting-badge"
        checked={value.badge}
        label={t('badgeSettingLabel')}
        hint={t('badgeSettingHint')}
        onChange={(badge) => void save({ badge })}
      />
      <div class="setting setting--select">
        <label for="setting-schedule">{t('scheduleSettingLabel')}</label>
        <select
          id="setting-schedule"
          value={value.schedule}
          aria-describedby="setting-schedule-hint"
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (isSchedule(next)) void save({ schedule: next });
          }}
        >
          {SCHEDULE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(SCHEDULE_KEY[choice])}
            </option>
          ))}
        </select>
        <p id="setting-schedule-hint" class="setting__hint">
          {t('scheduleSettingHint')}
        </p>
      </div>
      <Checkbox
        id="setting-notifications"
        checked={value.notifications}
        label={t('notificationsSettingLabel')}
        hint={t('notificationsSettingHint')}
        onChange={(notifications) => void save({ notifications })}
      />
      <p class={status.kind === 'error' ? 'status status--error' : 'status'} role="status">
        {status.kind === 'saved' && t('settingSaved')}
        {status.kind === 'error' && t('settingSaveFailed', status.message)}
      </p>
    </section>
  );
}
