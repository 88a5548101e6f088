/** 指标目录: the custom indicators (the standard ones are constants the route adds). */
import { type CustomIndicatorRow, indicatorRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/** 指标目录's custom part: every custom indicator, deactivated ones too. Needs stats.read. */
export async function listCatalogue(deps: ServiceDeps, actor: Actor): Promise<CustomIndicatorRow[]> {
  authorize(actor, "stats.read");
  return indicatorRepo.listCustom(deps.handle.db, { all: true });
}
