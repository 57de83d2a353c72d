import { useState, type DragEvent } from 'react';
import { api, ApiError, type ImportReport } from '../api';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; done: number; total: number }
  | { step: 'importing'; progress: ImportProgress | null };

interface ImportProgress {
  file: string;
  bytes: number;
  totalBytes: number;
  rows: number;
}

/**
 * Starts the import and follows it as server-sent events (`/api/imports/ID/events`): progress as the
 * files are read, then the report `tend import --json` prints, or the error.
 */
async function importFollowed(
  uploads: string[],
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const { id } = await api.post<{ id: string }>('/api/imports', { uploads });
  return new Promise((resolve, reject) => {
    const events = new EventSource(`/api/imports/${id}/events`);
    const data = <T,>(event: MessageEvent<string>) => JSON.parse(event.data) as T;
    events.addEventListener('progress', (event: MessageEvent<string>) =>
      onProgress(data<ImportProgress>(event)),
    );
    events.addEventListener('report', (event: MessageEvent<string>) => {
      events.close();
      resolve(data<ImportReport>(event));
    });
    events.addEventListener('failed', (event: MessageEvent<string>) => {
      events.close();
      const { error } = data<{ error: { code: string; message: string } }>(event);
      reject(new ApiError(500, error.code, error.message));
    });
    events.onerror = () => {
      events.close();
      reject(
        new ApiError(0, 'network', 'lost the connection to tend serve while importing: is it still running?'),
      );
    };
  });
}

async function upload(file: File): Promise<{ id: string }> {
  const response = await fetch(`/api/uploads?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  const answer = (await response.json()) as { id: string; error?: { code: string; message: string } };
  if (!response.ok)
    throw new ApiError(response.status, answer.error?.code ?? 'http', answer.error?.message ?? '');
  return answer;
}

/** Drop a LinkedIn export (the zip, or its CSV files) or address books; the report is `tend import`'s. */
export function ImportPage() {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const run = async (files: File[]) => {
    if (files.length === 0) return;
    setFailure(null);
    setReport(null);
    try {
      const ids: string[] = [];
      for (const [index, file] of files.entries()) {
        setPhase({ step: 'uploading', done: index, total: files.length });
        ids.push((await upload(file)).id);
      }
      setPhase({ step: 'importing', progress: null });
      setReport(await importFollowed(ids, (progress) => setPhase({ step: 'importing', progress })));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setPhase({ step: 'idle' });
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void run([...event.dataTransfer.files]);
  };
  const busy = phase.step !== 'idle';

  return (
    <section aria-labelledby="import-title">
      <header className="page-header">
        <h1 id="import-title">Import</h1>
        <p className="muted">
          Your LinkedIn data export (the zip as it came, or its CSV files), vCard or contacts CSV files.
          Importing the same files again changes nothing.
        </p>
      </header>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop files here, or</p>
        <label className="file-button">
          <input
            type="file"
            multiple
            disabled={busy}
            aria-label="Choose files to import"
            accept=".zip,.csv,.vcf,.vcard"
            onChange={(event) => void run([...(event.target.files ?? [])])}
          />
          <span>Choose files…</span>
        </label>
      </div>
      <p role="status" aria-live="polite" className="muted">
        {phase.step === 'uploading'
          ? `Uploading ${phase.done + 1} of ${phase.total}…`
          : phase.step === 'importing'
            ? phase.progress
              ? `Importing ${phase.progress.file}: ${phase.progress.rows.toLocaleString()} rows read`
              : 'Importing…'
            : ''}
      </p>
      {phase.step === 'importing' && (
        <progress
          className="import-progress"
          aria-label="Import progress of the current file"
          {...(phase.progress && phase.progress.totalBytes > 0
            ? { max: phase.progress.totalBytes, value: phase.progress.bytes }
            : {})}
        />
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {report && (
        <section aria-labelledby="report-title" className="report">
          <h2 id="report-title">Report</h2>
          <p>
            People: {report.totals.peopleAdded} added, {report.totals.peopleUpdated} updated. Interactions:{' '}
            {report.totals.interactionsAdded} added. Invitations: {report.totals.invitationsAdded} added.
          </p>
          {(report.owner.name || report.owner.url) && (
            <p className="muted">
              You: {report.owner.name ?? 'unknown name'} {report.owner.url ?? ''}
            </p>
          )}
          <ul className="items">
            {report.files.map((file) => (
              <li key={file.path} className={`card${file.failed ? ' failed' : ''}`}>
                <div className="card-head">
                  <span className="who">{file.path}</span>
                  <span className="muted">{file.format}</span>
                </div>
                <p className={file.failed ? 'late' : 'reason'}>
                  {file.failed
                    ? `Failed: ${file.failed}`
                    : file.unchanged
                      ? 'Unchanged: imported before'
                      : `${file.rowsRead} ${file.rowsRead === 1 ? 'row' : 'rows'}, ${file.imported} imported${
                          Object.keys(file.skipped).length
                            ? `, skipped: ${Object.entries(file.skipped)
                                .map(([reason, count]) => `${count} ${reason}`)
                                .join(', ')}`
                            : ''
                        }`}
                </p>
                {file.problems.length > 0 && (
                  <ul className="reasons">
                    {file.problems.slice(0, 20).map((problem) => (
                      <li key={`${problem.line}-${problem.message}`}>
                        line {problem.line}: {problem.message}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
