// The API names the input at fault in error.field: "title", "level",
// "indicators[3].value". These helpers find the row and input it means.

export interface FieldPath {
  /** The position in the submitted array, for "indicators[3].value". */
  index?: number;
  /** The input's own name: "value" for "indicators[3].value". */
  name: string;
}

/** "indicators[3].value" → {index: 3, name: "value"}; "title" → {name: "title"}. */
export function splitField(field: string | undefined): FieldPath | undefined {
  if (!field) return undefined;
  const m = /^[A-Za-z_]+\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (m) return { index: Number(m[1]), name: m[2] ?? '' };
  return { name: field };
}

/**
 * The error message for row `index` of a batch of `count` items, if the
 * error points at it. A batch of one is reported without the index.
 */
export function rowError(
  error: { field?: string | undefined; message: string } | undefined,
  index: number,
  count: number,
): string | undefined {
  const path = splitField(error?.field);
  if (!error || !path) return undefined;
  if (path.index === undefined) return count === 1 && index === 0 ? error.message : undefined;
  return path.index === index ? error.message : undefined;
}
