// JSON and YAML with syntax colours. The text is split into tokens and each token is rendered as a text node in a
// span, so nothing in a definition or payload can become markup.

import { Fragment } from "react";

const JSON_TOKENS = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
const YAML_TOKENS = /^(\s*(?:- )?)([^\s:#][^:#]*?)(:)(?=\s|$)|(#.*$)|("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')|\b(-?\d+(?:\.\d+)?|true|false|null)\b/gm;

export function highlight(text: string, language: "json" | "yaml"): { text: string; kind?: string }[] {
  const tokens: { text: string; kind?: string }[] = [];
  const pattern = new RegExp(language === "json" ? JSON_TOKENS : YAML_TOKENS);
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (match.index > last) tokens.push({ text: text.slice(last, match.index) });
    if (language === "json") {
      if (match[1] !== undefined) {
        tokens.push({ text: match[1], kind: match[2] ? "key" : "string" });
        if (match[2]) tokens.push({ text: match[2] });
      } else if (match[3] !== undefined) tokens.push({ text: match[3], kind: "number" });
      else tokens.push({ text: match[4], kind: "literal" });
    } else if (match[2] !== undefined) {
      tokens.push({ text: match[1] }, { text: match[2], kind: "key" }, { text: match[3] });
    } else if (match[4] !== undefined) tokens.push({ text: match[4], kind: "comment" });
    else if (match[5] !== undefined) tokens.push({ text: match[5], kind: "string" });
    else tokens.push({ text: match[6], kind: "number" });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ text: text.slice(last) });
  return tokens;
}

/** Pretty-prints JSON text when it parses; otherwise shows it as it is. */
export function prettyJson(text: string | undefined): string {
  if (text === undefined) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function CodeView({ text, language, testId }: { text: string; language: "json" | "yaml"; testId?: string }) {
  // Very large payloads are shown plain: colouring them costs more than it helps.
  const tokens = text.length > 200_000 ? [{ text }] : highlight(text, language);
  return (
    <pre className="code" data-testid={testId}>
      {tokens.map((t, i) => (t.kind ? <span key={i} className={`tok-${t.kind}`}>{t.text}</span> : <Fragment key={i}>{t.text}</Fragment>))}
    </pre>
  );
}
