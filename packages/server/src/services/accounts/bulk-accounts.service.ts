/**
 * 批量开通账号: one account per school and per department of the registry below a unit, with random
 * initial passwords that exist only in the answer (the one-time file) — never stored, logged or audited.
 * Which units get one is the domain's rule (`planBulkAccounts`, docs/accounts.md).
 */
import {
  planBulkAccounts,
  type BulkAccountKind,
  type BulkPlan,
  type PlannedAccount,
} from "@luoshi/domain/auth";
import { inTransaction, orgUnitRepo, scopeOf, userRepo, type Db, type OrgUnitRow } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { generatePassword, hashPassword } from "./passwords.ts";

/** What to open: below which unit, for which kinds of unit. */
export interface BulkAccountsRequest {
  unitId: string;
  kinds: readonly BulkAccountKind[];
}

/** A plan for the units below `unit`. */
export interface BulkAccountsPlan extends BulkPlan {
  unit: OrgUnitRow;
}

/** A created account with its initial password — held in memory only, for the one-time file. */
export interface CreatedBulkAccount extends PlannedAccount {
  userId: string;
  initialPassword: string;
}

/** Units below the scope's root, as many as there are. */
const ALL = 1_000_000_000;

async function plan(db: Db, actor: Actor, input: BulkAccountsRequest): Promise<BulkAccountsPlan> {
  authorize(actor, "user.write");
  const unit = await findUnitInScope(db, actor, input.unitId);
  const scope = scopeOf(unit.path);
  const ancestorIds = unit.path.split("/").filter((id) => id !== "" && id !== unit.id);
  const [units, ancestors, existingLogins, existingAccounts] = await Promise.all([
    orgUnitRepo.list(db, { scope, limit: ALL, offset: 0 }),
    Promise.all(ancestorIds.map((id) => orgUnitRepo.findById(db, id))),
    userRepo.allLogins(db),
    userRepo.rolesByUnitInScope(db, scope),
  ]);
  const plain = (u: OrgUnitRow) => ({
    id: u.id,
    parentId: u.parent_id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    aliases: u.aliases,
    contactName: u.principal,
    closedOn: u.closed_on,
  });
  return {
    unit,
    ...planBulkAccounts({
      units: units.rows.map(plain),
      ancestors: ancestors.filter((a): a is OrgUnitRow => a !== undefined).map(plain),
      kinds: input.kinds,
      existingLogins,
      existingAccounts: existingAccounts.map((a) => ({ orgUnitId: a.org_unit_id, role: a.role })),
    }),
  };
}

/** 预览: the accounts a bulk creation would open below the unit, and the units it would skip. */
export async function previewBulkAccounts(
  deps: ServiceDeps,
  actor: Actor,
  input: BulkAccountsRequest,
): Promise<BulkAccountsPlan> {
  return plan(deps.handle.db, actor, input);
}

/** PostgreSQL's unique_violation, as both drivers report it. */
const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "23505";

/** The planned logins, in order: two plans that agree on them open the same accounts. */
const loginsOf = (accounts: readonly PlannedAccount[]) => accounts.map((a) => a.login).join("\n");

/**
 * 开通: creates the planned accounts in one transaction, each with a random initial password and a
 * forced change at first login. Throws `conflict` when there is nothing left to open (every unit has
 * its account already), so that a repeated request says so instead of answering an empty file.
 * Passwords are hashed before the transaction (argon2 is slow on purpose; a county has hundreds of
 * schools), and the plan is checked again inside it: should it have changed meanwhile, nothing is
 * written and the caller is asked to try again.
 */
export async function createBulkAccounts(
  deps: ServiceDeps,
  actor: Actor,
  input: BulkAccountsRequest,
): Promise<{ unit: OrgUnitRow; accounts: CreatedBulkAccount[]; skipped: BulkPlan["skipped"] }> {
  const { db } = deps.handle;
  const first = await plan(db, actor, input);
  if (first.accounts.length === 0) {
    throw new AppError(
      "conflict",
      `“${first.unit.name}”下没有需要开通账号的单位：${first.skipped.length} 个单位已有账号或不开通；初始密码只在开通时提供一次，遗失请逐个重置口令`,
    );
  }
  const secrets = await Promise.all(
    first.accounts.map(async () => {
      const password = generatePassword();
      return { password, hash: await hashPassword(password) };
    }),
  );
  const now = deps.now();
  return inTransaction(db, async (trx) => {
    const { unit, accounts, skipped } = await plan(trx, actor, input);
    if (loginsOf(accounts) !== loginsOf(first.accounts)) {
      throw new AppError("conflict", "开通期间账号或单位有变动，未开通任何账号，请重新预览后再试");
    }
    const created = accounts.map((a, i) => {
      const secret = secrets[i];
      if (secret === undefined) {
        throw new AppError("internal", "初始密码与账号数目不符");
      }
      return { account: a, ...secret };
    });
    // Two requests at once derive the same logins; the unique login index lets only one through.
    const rows = await userRepo
      .insertMany(
        trx,
        created.map(({ account: a, hash }) => ({
          login: a.login,
          display_name: a.displayName,
          role: a.role,
          org_unit_id: a.unitId,
          password_hash: hash,
          must_change_password: true,
          password_changed_at: now,
        })),
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", "另一次开通正在进行或刚刚完成，未开通任何账号，请重新预览后再试");
        }
        throw error;
      });
    const idByLogin = new Map(rows.map((r) => [r.login, r.id]));
    await recordAudit(trx, actor, {
      action: "user.bulk-create",
      entityType: "org_unit",
      entityId: unit.id,
      details: {
        count: accounts.length,
        kinds: input.kinds,
        unitIds: accounts.map((a) => a.unitId),
        logins: accounts.map((a) => a.login),
        skipped: skipped.length,
      },
    });
    return {
      unit,
      skipped,
      accounts: created.map(({ account, password }) => {
        const userId = idByLogin.get(account.login);
        if (userId === undefined) {
          throw new AppError("internal", `账号 ${account.login} 未能写入`);
        }
        return { ...account, userId, initialPassword: password };
      }),
    };
  });
}
