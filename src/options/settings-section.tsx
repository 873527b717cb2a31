// The settings: each change is saved at once and confirmed (or its failure shown) in a live region.
// A setting the organisation's policy locks is shown as set by it, and cannot be changed.
import { useEffect, useState } from 'preact/hooks';
import type { Schedule, Settings } from '../platform/store/settings';
import { useI18n } from '../ui/i18n';

/** The schedules in the order offered. */
export const SCHEDULE_CHOICES = ['daily', 'weekly', 'off'] as const satisfies readonly Schedule[];
export type ScheduleChoice = Schedule;

/** The settings as the section shows them (platform/store/settings.ts declares them); the
 * objection windows are the objection section's, and may be absent. */
export type SettingsValue = Omit<Settings, 'objectionDays'> & Partial<Pick<Settings, 'objectionDays'>>;

export type SettingName = keyof SettingsValue;

interface SettingsSectionProps {
  settings: SettingsValue;
  /** Settings the organisation's policy sets: shown, not editable. */
  locked?: readonly SettingName[];
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

/** "Set by your organisation", for a locked setting: its hint says why it cannot change. */
function LockedNote({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p id={`${id}-locked`} class="setting__hint setting__locked">
      <span class="managed-label">{t('setByOrganisation')}</span> {t('settingLockedHint')}
    </p>
  );
}

const describedBy = (id: string, locked: boolean) => (locked ? `${id}-locked ${id}-hint` : `${id}-hint`);

function Checkbox(props: {
  id: string;
  checked: boolean;
  label: string;
  hint: string;
  locked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="setting">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.locked}
        aria-describedby={describedBy(props.id, props.locked)}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.locked && <LockedNote id={props.id} />}
      <p id={`${props.id}-hint`} class="setting__hint">
        {props.hint}
      </p>
    </div>
  );
}

export function SettingsSection({ settings, locked = [], onSave }: SettingsSectionProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(settings);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Changes from elsewhere (another options tab, another synced browser) show here too.
  useEffect(() => setValue(settings), [settings]);

  const isLocked = (name: SettingName) => locked.includes(name);
  const save = async (partial: Partial<SettingsValue>) => {
    if (Object.keys(partial).some((name) => isLocked(name as SettingName))) return;
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
        locked={isLocked('badge')}
        onChange={(badge) => void save({ badge })}
      />
      <div class="setting setting--select">
        <label for="setting-schedule">{t('scheduleSettingLabel')}</label>
        <select
          id="setting-schedule"
          value={value.schedule}
          disabled={isLocked('schedule')}
          aria-describedby={describedBy('setting-schedule', isLocked('schedule'))}
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
        {isLocked('schedule') && <LockedNote id="setting-schedule" />}
        <p id="setting-schedule-hint" class="setting__hint">
          {t('scheduleSettingHint')}
        </p>
      </div>
      <Checkbox
        id="setting-notifications"
        checked={value.notifications}
        label={t('notificationsSettingLabel')}
        hint={t('notificationsSettingHint')}
        locked={isLocked('notifications')}
        onChange={(notifications) => void save({ notifications })}
      />
      <p class={status.kind === 'error' ? 'status status--error' : 'status'} role="status">
        {status.kind === 'saved' && t('settingSaved')}
        {status.kind === 'error' && t('settingSaveFailed', status.message)}
      </p>
    </section>
  );
}
