import { useState } from 'react';

/** A list the user keeps (needs, offers, goals, tags): each entry removable, a new one added with Enter. */
export function EditableList(props: {
  label: string;
  values: readonly string[];
  placeholder: string;
  onChange: (values: string[]) => Promise<void>;
}) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (values: string[]) => {
    setBusy(true);
    try {
      await props.onChange(values);
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const value = draft.replace(/\s+/g, ' ').trim();
    if (!value) return;
    await save([...props.values, value]);
    setDraft('');
  };
  const id = `add-${props.label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className="editable-list">
      <ul aria-label={props.label}>
        {props.values.map((value) => (
          <li key={value} className="chip">
            <span>{value}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${value}`}
              disabled={busy}
              onClick={() => void save(props.values.filter((entry) => entry !== value))}
            >
              ×
            </button>
          </li>
        ))}
        {props.values.length === 0 && <li className="muted">none yet</li>}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Add to {props.label}
        </label>
        <input
          id={id}
          value={draft}
          placeholder={props.placeholder}
          maxLength={500}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="small" disabled={busy || !draft.trim()}>
          Add
        </button>
      </form>
    </div>
  );
}

/** A longer text (notes, how we met), saved with its button; an empty text clears it. */
export function EditableText(props: {
  label: string;
  value: string | null;
  rows?: number;
  onSave: (value: string | null) => Promise<void>;
}) {
  const [text, setText] = useState(props.value ?? '');
  const [busy, setBusy] = useState(false);
  const changed = text.trim() !== (props.value ?? '');
  const id = `edit-${props.label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <form
      className="editable-text"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void props.onSave(text.trim() || null).finally(() => setBusy(false));
      }}
    >
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={text}
        maxLength={4000}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="small" disabled={busy || !changed}>
        Save
      </button>
    </form>
  );
}
