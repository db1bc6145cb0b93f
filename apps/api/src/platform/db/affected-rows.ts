/**
 * How many rows a write statement changed, from the result of `db.execute` on either driver:
 * node-postgres reports `rowCount`, PGlite `affectedRows`.
 */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
