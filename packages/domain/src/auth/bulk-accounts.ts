/**
 * 批量开通账号: which units of the registry get an account, under which login, and which are skipped.
 * Pure: the caller hands over the units and the accounts that exist; nothing here reads or writes.
 *
 * The rule (docs/accounts.md):
 * - every open school (学校) gets one 学校 account (schoolUser);
 * - every open department (责任单位) gets one 责任单位 account (unitUser), except the education bureau
 *   itself (教育局, 教体局 …) and its internal offices (股室: names ending in 股, 科, 室, 处, 办, 组 below
 *   a bureau) — bureau staff sit there with personal accounts of bureau roles, not a shared unit
 *   account. The bureau's subordinate institutions (学生资助管理中心, 电教馆 …) do get one;
 * - a unit that already has an account of that role, open or disabled, gets no second one;
 * - a closed unit (撤销/撤并) gets none.
 */
import type { Role } from "./roles.ts";

/** What the caller may ask for: school accounts, department accounts, or both. */
export const BULK_ACCOUNT_KINDS = ["school", "department"] as const;
export type BulkAccountKind = (typeof BULK_ACCOUNT_KINDS)[number];

/** Chinese labels for {@link BulkAccountKind}. */
export const BULK_ACCOUNT_KIND_LABELS: Record<BulkAccountKind, string> = {
  school: "学校",
  department: "责任单位",
};

/** The role each kind of unit's account gets. */
export const BULK_ACCOUNT_ROLES: Record<BulkAccountKind, Role> = {
  school: "schoolUser",
  department: "unitUser",
};

/** One org unit as plain data. */
export interface BulkUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  aliases?: readonly string[];
  /** 联系人 as the registry names it (校长/负责人); absent or null when unknown. */
  contactName?: string | null;
  /** ISO day the unit closed; null while open. */
  closedOn?: string | null;
}

/** Why a unit gets no account. */
export type BulkSkipReason = "has-account" | "closed" | "bureau";

export const BULK_SKIP_LABELS: Record<BulkSkipReason, string> = {
  "has-account": "已有账号",
  closed: "单位已撤销",
  bureau: "教育局及其股室（局内人员使用个人账号）",
};

export interface PlannedAccount {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: BulkAccountKind;
  role: Role;
  login: string;
  displayName: string;
}

export interface SkippedUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: BulkAccountKind;
  reason: BulkSkipReason;
}

export interface BulkPlanInput {
  /** The units to consider (the chosen unit and everything below it). */
  units: readonly BulkUnit[];
  /** The chosen unit's ancestors, so that a department's bureau is known even above the chosen unit. */
  ancestors?: readonly BulkUnit[];
  kinds: readonly BulkAccountKind[];
  /** Every login in use (any case; logins are unique regardless of case). */
  existingLogins: readonly string[];
  /** Existing accounts by unit and role. */
  existingAccounts: readonly { orgUnitId: string; role: Role }[];
}

export interface BulkPlan {
  accounts: PlannedAccount[];
  skipped: SkippedUnit[];
}

const BUREAU_NAME = /(教育(和体育|体育|和科技|科技|和科学技术)?局|教体局|教科局|教育委员会)$/;
const OFFICE_NAME = /(股|科|室|处|办|组)$/;
const DISPLAY_NAME_MAX = 50;

/** True for a department that is an education bureau (崆峒区教育局, 区教体局 …). */
export function isEducationBureau(unit: Pick<BulkUnit, "kind" | "name" | "aliases">): boolean {
  return (
    unit.kind === "department" && [unit.name, ...(unit.aliases ?? [])].some((n) => BUREAU_NAME.test(n.trim()))
  );
}

/** A readable login from a unit code: the code itself, lower case, at least 3 characters. */
export function baseLogin(code: string): string {
  const base = code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "-")
    .slice(0, 60);
  return base.length >= 3 ? base : `u-${base}`;
}

/** `base`, or `base-2`, `base-3` … — the first one not in `taken` (lower case). */
function uniqueLogin(base: string, taken: Set<string>): string {
  let login = base;
  for (let n = 2; taken.has(login.toLowerCase()); n += 1) {
    login = `${base}-${n}`;
  }
  taken.add(login.toLowerCase());
  return login;
}

/** 联系人 when the registry names one, otherwise "<单位名称>联系人". */
function displayNameFor(unit: BulkUnit): string {
  const contact = unit.contactName?.trim() ?? "";
  const name = contact === "" ? `${unit.name}联系人` : contact;
  return name.slice(0, DISPLAY_NAME_MAX);
}

/**
 * Plans the accounts for `input.units` following the rule above, departments first, then schools, each
 * by code; units of kinds not asked for (and areas) are neither planned nor reported.
 */
export function planBulkAccounts(input: BulkPlanInput): BulkPlan {
  const byId = new Map<string, BulkUnit>();
  for (const u of [...(input.ancestors ?? []), ...input.units]) {
    byId.set(u.id, u);
  }
  /** True when the department is a bureau or sits (through departments) below one and is an office. */
  const isBureauOrOffice = (unit: BulkUnit): boolean => {
    if (isEducationBureau(unit)) {
      return true;
    }
    if (!OFFICE_NAME.test(unit.name.trim())) {
      return false;
    }
    for (let p = byId.get(unit.parentId ?? ""); p?.kind === "department"; p = byId.get(p.parentId ?? "")) {
      if (isEducationBureau(p)) {
        return true;
      }
    }
    return false;
  };
  const taken = new Set(input.existingLogins.map((l) => l.toLowerCase()));
  const hasAccount = new Set(input.existingAccounts.map((a) => `${a.orgUnitId}:${a.role}`));
  const accounts: PlannedAccount[] = [];
  const skipped: SkippedUnit[] = [];
  const order = (u: BulkUnit) => `${u.kind === "department" ? 0 : 1}:${u.code}`;
  const sorted = [...input.units].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  for (const unit of sorted) {
    const kind = BULK_ACCOUNT_KINDS.find((k) => k === unit.kind);
    if (kind === undefined || !input.kinds.includes(kind)) {
      continue;
    }
    const role = BULK_ACCOUNT_ROLES[kind];
    const about = { unitId: unit.id, unitCode: unit.code, unitName: unit.name, kind };
    const reason: BulkSkipReason | null =
      unit.closedOn !== null && unit.closedOn !== undefined
        ? "closed"
        : kind === "department" && isBureauOrOffice(unit)
          ? "bureau"
          : hasAccount.has(`${unit.id}:${role}`)
            ? "has-account"
            : null;
    if (reason !== null) {
      skipped.push({ ...about, reason });
      continue;
    }
    accounts.push({
      ...about,
      role,
      login: uniqueLogin(baseLogin(unit.code), taken),
      displayName: displayNameFor(unit),
    });
  }
  return { accounts, skipped };
}
