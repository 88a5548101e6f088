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
}

/** The scope of the subtree at `path` (an org unit's materialised path, "/…/"). */
export function scopeOf(path: string): Scope {
  if (!path.startsWith("/") || !path.endsWith("/")) {
    throw new Error(`not an org-unit path: ${JSON.stringify(path)}`);
  }
  return Object.freeze({ path });
}

/** The scope that covers every unit: for the system's own work (migrations, demo loader, CLI). */
export const WHOLE_TREE: Scope = scopeOf("/");

/** True when a unit with materialised path `unitPath` lies within the scope. */
export function scopeContains(scope: Scope, unitPath: string): boolean {
  return unitPath.startsWith(scope.path);
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
  return sql<SqlBool>`${sql.ref(pathColumn)} LIKE ${prefixPattern(scope.path)}`;
}
