// The text of a Choice rule as an edge label: `$.total > 100`, `$.tier == "gold" && $.total >= 100`, or a JSONata
// Condition without its `{% %}` delimiters.

type JsonObject = Record<string, unknown>;

const OPERATORS: Record<string, string> = {
  Equals: "==",
  LessThan: "<",
  GreaterThan: ">",
  LessThanEquals: "<=",
  GreaterThanEquals: ">=",
};

const TYPE_TESTS: Record<string, string> = {
  IsNull: "null",
  IsPresent: "present",
  IsNumeric: "numeric",
  IsString: "string",
  IsBoolean: "boolean",
  IsTimestamp: "timestamp",
};

/** The label of one Choice rule (a top-level rule with `Next`, or a nested one). */
export function choiceRuleLabel(rule: JsonObject): string {
  if (typeof rule.Condition === "string") {
    return stripTemplate(rule.Condition);
  }
  if (typeof rule.Condition === "boolean") {
    return String(rule.Condition);
  }
  if (Array.isArray(rule.And)) {
    return rule.And.map((r) => nested(r)).join(" && ");
  }
  if (Array.isArray(rule.Or)) {
    return rule.Or.map((r) => nested(r)).join(" || ");
  }
  if (isObject(rule.Not)) {
    return `!(${choiceRuleLabel(rule.Not)})`;
  }
  const variable = typeof rule.Variable === "string" ? rule.Variable : "?";
  for (const [key, value] of Object.entries(rule)) {
    if (key === "Variable" || key === "Next" || key === "Comment" || key === "Assign" || key === "Output") continue;
    const test = TYPE_TESTS[key];
    if (test !== undefined) {
      return value === false ? `${variable} is not ${test}` : `${variable} is ${test}`;
    }
    if (key === "StringMatches") {
      return `${variable} matches ${JSON.stringify(value)}`;
    }
    // StringEquals, NumericGreaterThanPath, TimestampLessThanEquals, BooleanEquals…: the comparison, with a Path
    // suffix meaning the right-hand side is another path rather than a literal.
    const match = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/.exec(key);
    if (match) {
      const right = match[3] ? String(value) : JSON.stringify(value);
      return `${variable} ${OPERATORS[match[2]]} ${right}`;
    }
  }
  return variable;
}

function nested(rule: unknown): string {
  if (!isObject(rule)) return "?";
  const text = choiceRuleLabel(rule);
  return Array.isArray(rule.And) || Array.isArray(rule.Or) ? `(${text})` : text;
}

function stripTemplate(text: string): string {
  const match = /^\s*\{%([\s\S]*)%\}\s*$/.exec(text);
  return match ? match[1].trim() : text;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
