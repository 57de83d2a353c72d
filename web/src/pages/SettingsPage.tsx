import { useState } from 'react';
import { api, ApiError, type Setting } from '../api';
import { ErrorNote, Loading } from '../components/Feedback';
import { useApi } from '../use-api';

/** One setting: its value (empty: the default), saved as `tend config KEY VALUE` would, checked the same way. */
function SettingRow({
  setting,
  onSaved,
}: {
  setting: Setting;
  onSaved: (text: string, error: boolean) => void;
}) {
  const [value, setValue] = useState(setting.value ?? '');
  const save = async () => {
    try {
      const answer = await api.put<{ key: string; value: string | null }>(`/api/settings/${setting.key}`, {
        value,
      });
      setValue(answer.value ?? '');
      onSaved(
        answer.value === null ? `${setting.key}: back to the default` : `${setting.key}: ${answer.value}`,
        false,
      );
    } catch (error) {
      onSaved(error instanceof ApiError ? error.message : String(error), true);
    }
  };
  return (
    <form
      className="setting"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>
          <strong>{setting.key}</strong> <span className="muted">{setting.describe}</span>
        </span>
        <span className="setting-input">
          <input value={value} placeholder="default" onChange={(event) => setValue(event.target.value)} />
          <button type="submit" disabled={value === (setting.value ?? '')}>
            Save
          </button>
        </span>
      </label>
    </form>
  );
}

/** The settings (`tend config`): what each means, its value, set in place. */
export function SettingsPage() {
  const settings = useApi<Setting[]>('/api/settings');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  if (settings.error) return <ErrorNote error={settings.error} />;
  if (!settings.data) return <Loading />;
  return (
    <section aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted">Leave a value empty for its default.</p>
      </header>
      {status && (
        <p className={`notice${status.error ? ' error' : ''}`} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {settings.data.map((setting) => (
        <SettingRow
          key={setting.key}
          setting={setting}
          onSaved={(text, error) => setStatus({ text, error })}
        />
      ))}
    </section>
  );
}
