/**
 * The records of a JSON-lines text, each checked by `schema`; a line that does not parse or does
 * not fit (a torn last line nobody was told was stored, or one being written right now) is skipped.
 */
export function parseJsonLines<T>(text: string, schema: { parse(value: unknown): T }): T[] {
  const records: T[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(schema.parse(JSON.parse(line)));
    } catch {
      // Skipped: see above.
    }
  }
  return records;
}
