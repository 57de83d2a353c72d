import { useState } from 'react';

/** Copies a draft to the clipboard: tend drafts, the person sends. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard
      .writeText(text)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => setCopied(false));
  };
  return (
    <button type="button" className="small" onClick={copy}>
      {copied ? 'Copied' : label}
    </button>
  );
}
