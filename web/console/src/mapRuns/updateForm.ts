// The Map Run "Edit" form: the text typed in each field, checked against UpdateMapRun's constraints (API reference:
// maxConcurrency an integer ≥ 0, toleratedFailureCount a long ≥ 0, toleratedFailurePercentage a number from 0 to 100)
// before the call, so a typo is explained next to its field instead of coming back as a ValidationException.

import type { MapRunDescription, MapRunUpdate } from "../api/types";

export interface MapRunForm {
  maxConcurrency: string;
  toleratedFailureCount: string;
  toleratedFailurePercentage: string;
}

export type MapRunFormErrors = Partial<Record<keyof MapRunForm, string>>;

const MAX_INT = 2_147_483_647;

/** The form filled with the run's current limits. */
export function formOf(run: MapRunDescription): MapRunForm {
  return {
    maxConcurrency: String(run.maxConcurrency),
    toleratedFailureCount: String(run.toleratedFailureCount),
    toleratedFailurePercentage: String(run.toleratedFailurePercentage),
  };
}

/**
 * The UpdateMapRun request the form asks for (only the limits that differ from the run's), or the errors that keep it
 * from being sent.
 */
export function checkForm(form: MapRunForm, run: MapRunDescription): { update?: MapRunUpdate; errors: MapRunFormErrors } {
  const errors: MapRunFormErrors = {};
  const update: MapRunUpdate = {};
  const maxConcurrency = readInteger(form.maxConcurrency, MAX_INT);
  if (typeof maxConcurrency === "string") errors.maxConcurrency = `MaxConcurrency ${maxConcurrency} (0 means no limit).`;
  else if (maxConcurrency !== run.maxConcurrency) update.maxConcurrency = maxConcurrency;

  const count = readInteger(form.toleratedFailureCount, Number.MAX_SAFE_INTEGER);
  if (typeof count === "string") errors.toleratedFailureCount = `ToleratedFailureCount ${count}.`;
  else if (count !== run.toleratedFailureCount) update.toleratedFailureCount = count;

  const percentage = readPercentage(form.toleratedFailurePercentage);
  if (typeof percentage === "string") errors.toleratedFailurePercentage = `ToleratedFailurePercentage ${percentage}.`;
  else if (percentage !== run.toleratedFailurePercentage) update.toleratedFailurePercentage = percentage;

  if (Object.keys(errors).length > 0) return { errors };
  return Object.keys(update).length > 0 ? { update, errors } : { errors };
}

/** The whole number typed, or why it is not one (as the end of a sentence that names the field). */
function readInteger(text: string, max: number): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return "is required";
  if (!/^\d+$/.test(trimmed)) return `must be a whole number from 0 to ${max}, not '${trimmed}'`;
  const value = Number(trimmed);
  return value > max ? `must be at most ${max}` : value;
}

function readPercentage(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return "is required";
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return `must be a number from 0 to 100, not '${trimmed}'`;
  const value = Number(trimmed);
  return value > 100 ? "must be at most 100" : value;
}
