/** The latest 适龄 list within the reader's scope: counts per township and village, and its children (masked by the presenter). */
import { schoolAgeRepo, type ChildReadRow, type VillageCountRow } from "@luoshi/db";
import type { SchoolAgeQuery } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

export async function readSchoolAge(
  deps: ServiceDeps,
  actor: Actor,
  query: SchoolAgeQuery,
): Promise<{
  list: Awaited<ReturnType<typeof schoolAgeRepo.latestImport>>;
  villages: VillageCountRow[];
  rows: ChildReadRow[];
  total: number;
}> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const list = await schoolAgeRepo.latestImport(db, actor.scope);
  if (list === undefined) {
    return { list, villages: [], rows: [], total: 0 };
  }
  const villages = await schoolAgeRepo.countsByVillage(db, actor.scope, list.id);
  const { rows, total } = await schoolAgeRepo.listChildren(
    db,
    actor.scope,
    list.id,
    {
      unmatchedOnly: query.all !== "true",
      ...(query.township === undefined ? {} : { township: query.township }),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { list, villages, rows, total };
}
