import { checkPassword } from "@luoshi/domain/auth";
import { jurisdictionSeeds, type JurisdictionLevel } from "@luoshi/domain/org";
import { inTransaction, installationRepo, orgUnitRepo, userRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import { systemActor, type Actor, type ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { importOrgUnits } from "./org-import.service.ts";
import { DIVISION_SOURCE, divisionTree } from "./division-data.ts";

/** Who initialises: the jurisdiction's code and the first system administrator. */
export interface InitJurisdictionInput {
  divisionCode: string;
  admin: { login: string; displayName: string; password: string };
}

/** What initialisation created, for the CLI and the first-run page to show. */
export interface InitJurisdictionResult {
  jurisdiction: { code: string; name: string; fullName: string; level: JurisdictionLevel };
  counts: { counties: number; townships: number; departments: number; units: number };
  admin: { login: string; displayName: string; orgUnitName: string };
  divisionSource: string;
}

/** Throws 409 when the database already holds org units or an installation: init runs once. */
export async function assertNotInitialised(deps: ServiceDeps): Promise<void> {
  const { db } = deps.handle;
  const installation = await installationRepo.get(db);
  if (installation !== undefined) {
    throw new AppError(
      "conflict",
      `本系统已初始化，辖区为 ${installation.division_name}（${installation.division_code}），不能再次初始化`,
    );
  }
  if ((await orgUnitRepo.count(db)) > 0) {
    throw new AppError("conflict", "数据库中已有组织机构数据，不能再初始化辖区；请使用空数据库");
  }
}

/**
 * 初始化辖区: creates the jurisdiction's org units from the national division data, the installation
 * row and the first system administrator (in the root area's education bureau, with the password they
 * chose, so no change is forced), in one transaction: if any step fails nothing remains.
 */
export async function initJurisdiction(
  deps: ServiceDeps,
  input: InitJurisdictionInput,
  actor: Actor = systemActor("init"),
): Promise<InitJurisdictionResult> {
  await assertNotInitialised(deps);
  const plan = jurisdictionSeeds(divisionTree(), input.divisionCode);
  if (plan === null) {
    const message = `未找到行政区划代码 ${input.divisionCode}（区划数据：${DIVISION_SOURCE}）`;
    throw new AppError("validation-failed", message, {
      fields: [{ path: "body.divisionCode", message: "未找到该行政区划代码" }],
    });
  }
  const { admin } = input;
  const problems = checkPassword(admin.password, admin.login);
  if (problems.length > 0) {
    throw new AppError("password-policy", `口令不符合要求：${problems.map((p) => p.message).join("；")}`, {
      fields: problems.map((p) => ({ path: "body.admin.password", message: p.message })),
    });
  }
  const { division, seeds, counts } = plan;
  const level = division.level as JurisdictionLevel;
  const bureauCode = `${division.code}-${level === "province" ? "jyt" : "jyj"}`;
  const passwordHash = await hashPassword(admin.password);
  const { db } = deps.handle;
  try {
    return await inTransaction(db, async (trx) => {
      await importOrgUnits(deps, actor, seeds, "org.import", trx);
      const root = await orgUnitRepo.findByCode(trx, division.code);
      const bureau = await orgUnitRepo.findByCode(trx, bureauCode);
      if (root === undefined || bureau === undefined) {
        throw new AppError("internal", `初始化辖区时找不到 ${division.code} 或其教育行政部门 ${bureauCode}`);
      }
      const user = await userRepo.insert(trx, {
        login: admin.login,
        display_name: admin.displayName,
        role: "systemAdmin",
        org_unit_id: bureau.id,
        password_hash: passwordHash,
        must_change_password: false,
        password_changed_at: deps.now(),
      });
      await recordAudit(trx, actor, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: { login: user.login, displayName: user.display_name, role: user.role, orgUnitId: bureau.id },
      });
      await installationRepo.insert(trx, {
        division_code: division.code,
        division_name: division.fullName,
        division_level: level,
        division_source: DIVISION_SOURCE,
        root_unit_id: root.id,
        initialized_by: user.id,
      });
      const allCounts = { ...counts, units: seeds.length };
      await recordAudit(trx, actor, {
        action: "org.init",
        entityType: "installation",
        entityId: root.id,
        details: { divisionCode: division.code, divisionName: division.fullName, level, ...allCounts },
      });
      return {
        jurisdiction: { code: division.code, name: division.name, fullName: division.fullName, level },
        counts: allCounts,
        admin: { login: user.login, displayName: user.display_name, orgUnitName: bureau.name },
        divisionSource: DIVISION_SOURCE,
      };
    });
  } catch (error) {
    // Two initialisations at once: the loser's transaction fails on a key; say what happened.
    if (!(error instanceof AppError) && (await installationRepo.get(db)) !== undefined) {
      throw new AppError("conflict", "本系统已由他人初始化，不能再次初始化");
    }
    throw error;
  }
}
