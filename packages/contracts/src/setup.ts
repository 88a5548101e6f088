import { z } from "zod";
import { Login } from "./auth.ts";

/** The levels an installation may serve, and the ones a picker lists below them. */
export const JurisdictionLevelCode = z.enum(["province", "city", "county"]);
export const DivisionLevelCode = z.enum(["province", "city", "county", "township"]);

/** An installation's jurisdiction as headers and the first-run page show it. */
export const Jurisdiction = z.object({
  code: z.string(),
  name: z.string(),
  level: JurisdictionLevelCode,
  /** Where its division data came from (国家统计局 … or 演示数据). */
  source: z.string(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** GET /api/setup — public: is this installation set up, and for which jurisdiction. */
export const SetupStatus = z.object({
  initialized: z.boolean(),
  jurisdiction: Jurisdiction.nullable(),
  /** The division data this version ships. */
  divisionSource: z.string(),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

/** 行政区划代码 as people write it: 62, 620000, 6208, 620800, 620802. */
export const DivisionCodeInput = z
  .string()
  .trim()
  .regex(/^(\d{2}|\d{4}|\d{6})$/, { error: "行政区划代码应为 2、4 或 6 位数字（如 62、6208、620802）" });

/** GET /api/setup/divisions?parent= */
export const DivisionListQuery = z.strictObject({ parent: DivisionCodeInput.optional() });

export const DivisionItem = z.object({ code: z.string(), name: z.string(), level: DivisionLevelCode });
export const DivisionList = z.array(DivisionItem);
export type DivisionItem = z.infer<typeof DivisionItem>;

/** POST /api/setup — the first-run form. */
export const SetupBody = z.strictObject({
  /** Printed in the server console and written to setup-token.txt in the data folder. */
  setupToken: z.string().trim().min(1, { error: "请输入设置口令" }).max(200),
  divisionCode: DivisionCodeInput,
  admin: z.strictObject({
    login: Login,
    displayName: z.string().trim().min(1, { error: "请输入姓名" }).max(50, { error: "姓名最多 50 个字符" }),
    password: z.string().min(1, { error: "请输入口令" }).max(128, { error: "口令最多 128 个字符" }),
  }),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const SetupResult = z.object({
  jurisdiction: z.object({
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    level: JurisdictionLevelCode,
  }),
  counts: z.object({
    counties: z.number().int(),
    townships: z.number().int(),
    departments: z.number().int(),
    units: z.number().int(),
  }),
  admin: z.object({ login: z.string(), displayName: z.string(), orgUnitName: z.string() }),
  divisionSource: z.string(),
});
export type SetupResult = z.infer<typeof SetupResult>;

/** GET /api/installation — for signed-in users: the jurisdiction (null on a database set up otherwise). */
export const InstallationResponse = z.object({
  jurisdiction: Jurisdiction.nullable(),
  divisionSource: z.string(),
});
export type InstallationResponse = z.infer<typeof InstallationResponse>;
