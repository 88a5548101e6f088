import { userRepo, type UserListRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/** Users in the actor's scope by login: one page of them (all without `page`), and how many there are. */
export async function listUsers(
  deps: ServiceDeps,
  actor: Actor,
  page?: { page: number; pageSize: number },
): Promise<{ rows: UserListRow[]; total: number }> {
  authorize(actor, "user.read");
  return userRepo.listInScope(
    deps.handle.db,
    actor.scope,
    page === undefined ? undefined : { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
  );
}
