import { CompiledQuery, type Compilable } from 'kysely';

const SLOT = '\u0000slot:';

/** A value that stands for `name` while a statement is compiled once, to be filled on each run. */
export const slot = (name: string) => `${SLOT}${name}`;

export interface SlottedStatement {
  compiled: CompiledQuery;
  /** Per parameter, the slot it is filled from (undefined: the compiled value stays). */
  slots: Array<string | undefined>;
}

/** `query` compiled and kept as text and values only: the query tree is not needed to run it again. */
export function compiledText(query: Compilable): CompiledQuery {
  const { sql, parameters } = query.compile();
  return CompiledQuery.raw(sql, [...parameters]);
}

/** `query` compiled (see `compiledText`), with where each of its slots went among the parameters. */
export function slotted(query: Compilable): SlottedStatement {
  const compiled = compiledText(query);
  const slots = compiled.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(SLOT) ? p.slice(SLOT.length) : undefined,
  );
  return { compiled, slots };
}

/** The statement to run: each slot filled with `value(name)`. */
export function filled(statement: SlottedStatement, value: (name: string) => unknown): CompiledQuery {
  const parameters = statement.compiled.parameters.map((p, i) => {
    const name = statement.slots[i];
    return name === undefined ? p : value(name);
  });
  return { ...statement.compiled, parameters };
}
