/**
 * The first of `offered` (in the server's order of preference) that an `Accept-Encoding` header
 * accepts with q > 0, `*` included; undefined for none, so the response goes uncompressed.
 */
export function pickEncoding<T extends string>(header: string | undefined, offered: readonly T[]): T | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  return offered.find((encoding) => (q.get(encoding) ?? q.get('*') ?? 0) > 0);
}
