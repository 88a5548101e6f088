import { can, type Permission, type Role } from "@luoshi/domain/auth";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../context.ts";

/**
 * Throws 403 unless the actor's role carries the permission. Deny by default: an actor without a
 * role (the system, an anonymous caller) holds no permission here.
 */
export function authorize(actor: Actor, permission: Permission): asserts actor is Actor & { role: Role } {
  if (actor.role === null || !can(actor.role, permission)) {
    throw new AppError("forbidden", "您的角色无权执行此操作");
  }
}
