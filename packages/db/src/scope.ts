import { sql, type RawBuilder, type SqlBool } from "kysely";

/**
 * An actor's data scope, as every repository function that reads or writes scoped rows takes it:
 * the materialised path of the org-unit subtree the actor may reach ("/" is everything).
 *
 * This module is the one place where the rule "a row is visible when its unit lies under the
 * scope" is written (DHIS2's org-unit scoping). Repositories apply it with {@link inScope}; a
 * filter a caller sends is combined with {@link narrowScope}, which can only make a scope smaller.
 */
export interface Scope {
  readonly path: string;
  /**
   * When set, the scope is only these subtrees within `path` (materialised paths, each under `path`):
   * a 责任督学's scope is the schools of the 督学责任区, not the whole jurisdiction (docs/inspection.md).
   * An empty list reaches nothing.
   */
  readonly within?: readonly string[];
}

/** The scope of the subtree at `path` (an org unit's materialised path, "/…/"). */
export function scopeOf(path: string): Scope {
  if (!path.startsWith("/") || !path.endsWith("/")) {
    throw new Error(`not an org-unit path: ${JSON.stringify(path)}`);
  }
  return Object.freeze({ path });
}

/**
 * The scope of the given subtrees inside the jurisdiction at `path`: subtrees outside `path` are
 * dropped (a scope never reaches beyond its jurisdiction), an empty list reaches nothing.
 */
export function scopeWithin(path: string, units: readonly string[]): Scope {
  const outer = scopeOf(path);
  const within = [
    ...new Set(units.filter((u) => u.startsWith("/") && u.endsWith("/") && u.startsWith(outer.path))),
  ];
  within.sort();
  return Object.freeze({ path: outer.path, within: Object.freeze(within) });
}

/**
 * A text that names the scope exactly, for cache keys: two actors share a cached answer only when
 * their scopes are the same (a 责任督学 never gets the jurisdiction's cached rows).
 */
export function scopeKey(scope: Scope): string {
  return scope.within === undefined ? scope.path : `${scope.path}|${scope.within.join(",")}`;
}

/** The scope that covers every unit: for the system's own work (migrations, demo loader, CLI). */
export const WHOLE_TREE: Scope = scopeOf("/");

/** True when a unit with materialised path `unitPath` lies within the scope. */
export function scopeContains(scope: Scope, unitPath: string): boolean {
  return (
    unitPath.startsWith(scope.path) &&
    (scope.within === undefined || scope.within.some((w) => unitPath.startsWith(w)))
  );
}

/**
 * A caller's unit filter intersected with the scope: the unit's subtree when the unit lies inside
 * the scope, the scope itself when the unit lies above it (a filter never widens a scope), and
 * `null` when the two do not meet (the caller asked for another unit's rows).
 */
export function narrowScope(scope: Scope, unitPath: string): Scope | null {
  if (scopeContains(scope, unitPath)) {
    return scopeOf(unitPath);
  }
  if (unitPath.startsWith("/") && scope.path.startsWith(unitPath)) {
    return scope;
  }
  if (scope.within !== undefined && unitPath.startsWith(scope.path)) {
    // a unit between the jurisdiction and the subtrees (a township holding some 责任区 schools)
    const under = scope.within.filter((w) => w.startsWith(unitPath));
    return under.length === 0 ? null : scopeWithin(unitPath, under);
  }
  return null;
}

/** `path%` as a LIKE pattern, with LIKE's own wildcards in the path taken literally. */
function prefixPattern(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The condition "the unit path in `pathColumn` lies within the scope", for `.where(…)` and for raw
 * `sql` templates alike: `.where(inScope("owner.path", scope))`. `pathColumn` names a column that
 * holds an org unit's materialised path, such as `"org_units.path"`.
 */
export function inScope(pathColumn: string, scope: Scope): RawBuilder<SqlBool> {
  const column = sql.ref(pathColumn);
  const outer = sql<SqlBool>`${column} LIKE ${prefixPattern(scope.path)}`;
  if (scope.within === undefined) {
    return outer;
  }
  if (scope.within.length === 0) {
    return sql<SqlBool>`false`;
  }
  const any = sql.join(
    scope.within.map((w) => sql`${column} LIKE ${prefixPattern(w)}`),
    sql` OR `,
  );
  return sql<SqlBool>`(${outer} AND (${any}))`;
}
