/**
 * JSON for generated data files: nested objects indented, but each record of a list on one line, so the files
 * stay small and a regenerated file diffs line by line.
 */
type Value = unknown;

function isPrimitive(v: Value): boolean {
  return v === null || typeof v !== 'object';
}

/** A record that fits on one line: its values are primitives or lists of primitives. */
function isFlat(v: Value): boolean {
  if (isPrimitive(v)) return true;
  const values = Array.isArray(v) ? v : Object.values(v as object);
  return values.every((x) => isPrimitive(x) || (Array.isArray(x) && x.every(isPrimitive)));
}

function render(value: Value, indent: string): string {
  if (isPrimitive(value)) return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => inner + (isFlat(v) ? JSON.stringify(v) : render(v, inner)));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, Value>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`);
  return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
}

export function compactJson(value: Value): string {
  return render(value, '') + '\n';
}
