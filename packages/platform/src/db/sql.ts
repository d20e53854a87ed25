/**
 * A tiny tagged-template SQL builder. Interpolated values ALWAYS become numbered parameters
 * ($1, $2…); fragments built with `sql` nest (their parameters are renumbered); identifiers only
 * enter the text through `sql.ident`, which quotes them, and callers pass only whitelisted names.
 */

/** A query ready for a driver: text with $n placeholders and the values. */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

type Part = { kind: 'text'; text: string } | { kind: 'value'; value: unknown };

/** A composable SQL fragment. Create with the `sql` tag. */
export class SqlFragment {
  /** @internal */
  readonly parts: readonly Part[];
  constructor(parts: readonly Part[]) {
    this.parts = parts;
  }

  /** Compiles to `$n` placeholders and a value list. */
  toQuery(): SqlQuery {
    let text = '';
    const values: unknown[] = [];
    for (const p of this.parts) {
      if (p.kind === 'text') text += p.text;
      else {
        values.push(p.value);
        text += `$${values.length}`;
      }
    }
    return { text, values };
  }
}

function build(strings: readonly string[], values: readonly unknown[]): SqlFragment {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    if (s) parts.push({ kind: 'text', text: s });
    if (i < values.length) {
      const v = values[i];
      if (v instanceof SqlFragment) parts.push(...v.parts);
      else parts.push({ kind: 'value', value: v });
    }
  });
  return new SqlFragment(parts);
}

interface SqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): SqlFragment;
  /** Joins fragments with a separator (default `, `). */
  join(fragments: readonly SqlFragment[], separator?: string): SqlFragment;
  /** A quoted identifier (table or column). Only pass names from a whitelist. */
  ident(name: string): SqlFragment;
  /** A jsonb value (null/undefined → SQL NULL): sent as JSON text and cast, identical on both drivers. */
  json(value: unknown): SqlFragment;
  /** The empty fragment. */
  readonly empty: SqlFragment;
}

/** Tagged template: sql`SELECT * FROM customers WHERE tenant_id = ${tenantId}`. */
export const sql: SqlTag = Object.assign(
  (strings: TemplateStringsArray, ...values: unknown[]) => build(strings, values),
  {
    join(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
      const parts: Part[] = [];
      fragments.forEach((f, i) => {
        if (i > 0) parts.push({ kind: 'text', text: separator });
        parts.push(...f.parts);
      });
      return new SqlFragment(parts);
    },
    ident(name: string): SqlFragment {
      return new SqlFragment([{ kind: 'text', text: `"${name.replace(/"/g, '""')}"` }]);
    },
    json(value: unknown): SqlFragment {
      // CAST through text: node-postgres would turn a JS array into a Postgres array literal, and
      // PGlite would stringify an already-stringified value for a jsonb-typed parameter.
      return build(
        ['CAST(CAST(', ' AS text) AS jsonb)'],
        [value === undefined || value === null ? null : JSON.stringify(value)],
      );
    },
    empty: new SqlFragment([]),
  },
);
