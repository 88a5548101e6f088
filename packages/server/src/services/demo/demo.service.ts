import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateDemoCounty } from "@luoshi/domain/demo";
import type { Role } from "@luoshi/domain/auth";
import { ADMIN_ROLES, ROLE_LABELS } from "@luoshi/domain/auth";
import { installationRepo, orgUnitRepo } from "@luoshi/db";
import type { ServiceDeps } from "../../context.ts";
import { systemActor } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { importOrgUnits } from "../org/org-import.service.ts";
import { loadDemoStatistics } from "./stats-demo.service.ts";
import { createUser } from "../accounts/create-user.service.ts";
import { generatePassword } from "../accounts/passwords.ts";

/** One demo account: where it sits and what it may do. */
interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  /** Org unit code, or "first-primary" for a school account. */
  unitCode: string;
}

const BUREAU = "620802-jyj";
const DEMO_DIVISION = { code: "620802", name: "甘肃省平凉市崆峒区" };
/** The demo's accounts, one per role, in the units where such people work. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: "admin", displayName: "王建国", role: "systemAdmin", unitCode: BUREAU },
  { login: "secadmin", displayName: "李安", role: "securityAdmin", unitCode: BUREAU },
  { login: "auditor", displayName: "赵审", role: "auditAdmin", unitCode: BUREAU },
  { login: "planner", displayName: "张规划", role: "bureauPlanner", unitCode: BUREAU },
  { login: "supervisor", displayName: "陈督办", role: "bureauSupervisor", unitCode: `${BUREAU}-dds` },
  { login: "inspector", displayName: "刘督学", role: "inspector", unitCode: `${BUREAU}-dds` },
  { login: "leader", displayName: "周局长", role: "leader", unitCode: BUREAU },
  { login: "finance", displayName: "孙财政", role: "unitUser", unitCode: "620802-czj" },
  { login: "school", displayName: "吴校长", role: "schoolUser", unitCode: "first-primary" },
];

/** A demo login as printed for the person who started the demo. */
export interface DemoLogin {
  login: string;
  password: string;
  role: string;
  unit: string;
}

const loginsFile = (dataDir: string) => join(dataDir, "demo-logins.txt");

/**
 * 演示数据: loads the demo county (平凉市崆峒区) and one account per role with generated passwords,
 * unless the database already holds org units. Passwords are random on every fresh load — never a
 * fixed default — and written to the data folder (mode 600) so that a restarted demo can show them.
 */
export async function loadDemo(deps: ServiceDeps): Promise<{ isNew: boolean; logins: DemoLogin[] }> {
  const { db } = deps.handle;
  if ((await orgUnitRepo.count(db)) > 0) {
    const file = loginsFile(deps.config.dataDir);
    return { isNew: false, logins: existsSync(file) ? parseLogins(readFileSync(file, "utf8")) : [] };
  }
  const actor = systemActor("demo");
  const county = generateDemoCounty();
  await importOrgUnits(deps, actor, county.units, "demo.load");
  await loadDemoStatistics(deps, actor, county);
  const admin = { ...actor, role: "systemAdmin" as const };
  const logins: DemoLogin[] = [];
  const firstPrimary = county.units.find((u) => u.school?.schoolType === "primary");
  for (const account of DEMO_ACCOUNTS) {
    const code = account.unitCode === "first-primary" ? firstPrimary?.code : account.unitCode;
    const unit = code === undefined ? undefined : await orgUnitRepo.findByCode(db, code);
    if (unit === undefined) {
      throw new AppError("internal", `演示账号 ${account.login} 的单位 ${account.unitCode} 不存在`);
    }
    const password = generatePassword();
    // The system actor may create every role, administrators included, only here.
    const creator = ADMIN_ROLES.includes(account.role) ? { ...actor, role: "securityAdmin" as const } : admin;
    await createUser(
      deps,
      creator,
      { login: account.login, displayName: account.displayName, role: account.role, orgUnitId: unit.id },
      { mustChangePassword: false, password },
    );
    logins.push({ login: account.login, password, role: ROLE_LABELS[account.role], unit: unit.name });
  }
  await recordDemoInstallation(deps);
  writeFileSync(loginsFile(deps.config.dataDir), formatLogins(logins), { mode: 0o600 });
  return { isNew: true, logins };
}

/** The demo serves 平凉市崆峒区 too: an installation always knows its jurisdiction. */
async function recordDemoInstallation(deps: ServiceDeps): Promise<void> {
  const root = await orgUnitRepo.findByCode(deps.handle.db, DEMO_DIVISION.code);
  if (root === undefined) {
    throw new AppError("internal", `演示数据缺少辖区 ${DEMO_DIVISION.code}`);
  }
  await installationRepo.insert(deps.handle.db, {
    division_code: DEMO_DIVISION.code,
    division_name: DEMO_DIVISION.name,
    division_level: "county",
    division_source: "演示数据",
    root_unit_id: root.id,
    initialized_by: null,
  });
}

/** The demo logins as an aligned table. */
export function formatLogins(logins: readonly DemoLogin[]): string {
  return `${logins.map((l) => `${l.login.padEnd(12)}${l.password.padEnd(18)}${l.role}\t${l.unit}`).join("\n")}\n`;
}

function parseLogins(text: string): DemoLogin[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [head = "", unit = ""] = l.split("\t");
      const [login = "", password = "", role = ""] = head.trim().split(/\s+/);
      return { login, password, role, unit };
    });
}
