import { useState } from "react";

/** Where JSON.parse stopped, in words: "Unexpected token } in JSON at position 12" becomes line and column. */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset).split("\n");
      return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${before.length}, column ${before[before.length - 1].length + 1}`;
    }
    return message;
  }
}

/** A textarea that checks its JSON as the user types and says what is wrong and where. */
export function JsonEditor({ label, value, onChange, rows = 8 }: { label: string; value: string; onChange: (text: string, valid: boolean) => void; rows?: number }) {
  const [problem, setProblem] = useState(() => jsonProblem(value));
  return (
    <label className="json-editor">
      <span>{label}</span>
      <textarea
        rows={rows}
        spellCheck={false}
        value={value}
        aria-invalid={problem !== undefined}
        onChange={(e) => {
          const p = jsonProblem(e.target.value);
          setProblem(p);
          onChange(e.target.value, p === undefined);
        }}
      />
      {problem && <span className="field-error" role="alert">Invalid JSON: {problem}</span>}
    </label>
  );
}
