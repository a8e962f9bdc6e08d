import type { ResultRow } from './evaluate.ts';

const f = (x: number): string => x.toFixed(3).replace(/^0/, '');

/** A plain-text table: one line per set, `P/R/F1` per system, the engine first. */
export function formatTable(rows: readonly ResultRow[], systems: readonly string[]): string {
  const header = ['set', 'gold', ...systems.map((s) => `${s} P/R/F1`)];
  const body = rows.map((row) => [
    row.set,
    String(row.gold),
    ...systems.map((s) => {
      const fig = row.bySystem[s];
      return fig ? `${f(fig.precision)}/${f(fig.recall)}/${f(fig.f1)}` : '-';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The figures as JSON, for recording. */
export function formatJson(rows: readonly ResultRow[], meta: Record<string, unknown>): string {
  return JSON.stringify({ ...meta, rows }, null, 2);
}

/** A Markdown table (for docs/BENCHMARKS.md): `P/R/F1` per system, the engine first. */
export function formatMarkdown(rows: readonly ResultRow[], systems: readonly string[]): string {
  const head = `| set | gold pairs | ${systems.join(' | ')} |`;
  const rule = `|---|---:|${systems.map(() => '---').join('|')}|`;
  const body = rows.map((row) => {
    const cells = systems.map((s) => {
      const fig = row.bySystem[s];
      return fig ? `${f(fig.precision)}/${f(fig.recall)}/**${f(fig.f1)}**` : '-';
    });
    return `| ${row.set} | ${row.gold} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...body].join('\n');
}
