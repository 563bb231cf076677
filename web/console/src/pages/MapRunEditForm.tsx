import { useState } from "react";
import { api } from "../api/client";
import type { MapRunDescription } from "../api/types";
import { ErrorBox } from "../components/ErrorBox";
import { checkForm, formOf, type MapRunForm } from "../mapRuns/updateForm";

const FIELDS: [keyof MapRunForm, string][] = [
  ["maxConcurrency", "Max concurrency"],
  ["toleratedFailureCount", "Tolerated failure count"],
  ["toleratedFailurePercentage", "Tolerated failure percentage"],
];

/** Changes a running Map Run's limits with UpdateMapRun; the server's ValidationException is shown as it comes. */
export function MapRunEditForm({ run, onUpdated }: { run: MapRunDescription; onUpdated: () => void }) {
  const [form, setForm] = useState<MapRunForm>(() => formOf(run));
  const [error, setError] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const { update, errors } = checkForm(form, run);

  const save = async () => {
    if (!update) return;
    setError(undefined);
    setSaving(true);
    try {
      await api.updateMapRun(run.mapRunArn, update);
      onUpdated();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="panel" data-testid="map-run-edit">
      {FIELDS.map(([key, label]) => (
        <label key={key} className="field">
          {label}{" "}
          <input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={errors[key] ? true : undefined} inputMode="decimal" />
          {errors[key] && <span className="field-error">{errors[key]}</span>}
        </label>
      ))}
      {error && <ErrorBox error={error} />}
      <div>
        <button type="button" className="primary" disabled={!update || saving} onClick={save}>Save</button>
      </div>
    </div>
  );
}
