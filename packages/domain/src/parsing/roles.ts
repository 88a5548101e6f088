/**
 * Roles (章节作用) from section headings. Plans share a small vocabulary of section names (发展基础,
 * 指导思想, 发展目标, 主要任务, 保障措施, 分年度推进计划 …); a top-level section takes the role its heading
 * names, and everything inside inherits it — a 保障 heading inside 主要任务 is still a task.
 */
import type { NodeRole } from "./types.ts";

/** Heading vocabulary per role, checked in this order (a heading naming two roles takes the first). */
export const ROLE_KEYWORDS: readonly (readonly [NodeRole, RegExp])[] = [
  [
    "schedule",
    /分年度|分阶段|实施步骤|工作步骤|推进步骤|步骤安排|进度安排|时间安排|时间表|阶段安排|实施进度|进度计划|时间节点/,
  ],
  [
    "safeguard",
    /保障措施|组织实施|工作要求|组织领导|组织保障|实施保障|保障机制|工作保障|监督考核|督查考核|督促检查|考核评估|工作机制|有关要求|其他要求/,
  ],
  [
    "background",
    /发展基础|基础与形势|基础与条件|现实基础|发展条件|面临形势|形势与挑战|基本情况|发展现状|现状|工作回顾|存在问题|主要问题|背景|发展成就/,
  ],
  // who or what a plan covers (对象范围: 17个乡镇, 2050户贫困户) — descriptive, neither goal nor task
  ["other", /对象范围|实施范围|适用范围|实施对象|工作对象|帮扶对象|覆盖范围/],
  ["goal", /目标/],
  ["principle", /指导思想|基本原则|总体要求|总体思路|工作思路|工作原则|实施原则|实施策略|基本思路|指导原则/],
  ["task", /任务|措施|举措|重点工作|主要工作|工作内容/],
];

/** Headings longer than this are run-in items describing work, not section names. */
const MAX_SECTION_NAME = 20;

/** The role a heading names, or null when it names none. */
export function roleFromHeading(title: string): NodeRole | null {
  if (title.length > MAX_SECTION_NAME) {
    return null;
  }
  for (const [role, re] of ROLE_KEYWORDS) {
    if (re.test(title)) {
      return role;
    }
  }
  return null;
}

/** What role assignment needs to know about a node. */
export interface RoleInput {
  title: string;
  /** Index of the parent in the same list, -1 at the top. Parents come before children. */
  parent: number;
}

/**
 * Assigns roles: a top-level section takes the role its heading names, else `task` (the numbered
 * sections of a 工作要点 are work areas). Children inherit, except under an umbrella 总体要求-like
 * section (`principle` or `other`), where a child heading such as 发展目标 keeps its own role.
 */
export function assignRoles(nodes: readonly RoleInput[]): NodeRole[] {
  const roles: NodeRole[] = [];
  for (const node of nodes) {
    const own = roleFromHeading(node.title);
    const parentRole = roles[node.parent];
    if (parentRole === undefined) {
      roles.push(own ?? "task");
    } else if ((parentRole === "principle" || parentRole === "other") && own !== null && own !== "task") {
      roles.push(own);
    } else {
      roles.push(parentRole);
    }
  }
  return roles;
}
