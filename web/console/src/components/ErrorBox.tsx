import { ApiError } from "../api/client";

/** An API error as AWS names it: the exception, then its message. */
export function ErrorBox({ error }: { error: Error }) {
  const type = error instanceof ApiError ? error.type : error.name;
  return (
    <div className="error" role="alert">
      <strong>{type}</strong>: {error.message}
    </div>
  );
}
