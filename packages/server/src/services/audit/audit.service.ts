import { endOfChinaDay, startOfChinaDay } from "@luoshi/common";
import { auditRepo, type AuditEntry, type AuditQuery, type Db, type Scope } from "@luoshi/db";
import type { Actor } from "../../context.ts";

/**
 * What changed, for the trail: an audit row without the actor's fields, which {@link recordAudit}
 * takes from the Actor. Personal data values never go in here (only which fields changed).
 */
export type AuditEvent = Omit<AuditEntry, "actorId" | "actorLogin" | "actorRole" | "clientIp" | "requestId">;

/**
 * Writes one audit row in the caller's transaction, so that a failed audit write fails the action
 * (spec security.md: no action without its trace).
 */
export async function recordAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await auditRepo.insert(db, {
    actorId: actor.userId,
    actorLogin: actor.login,
    actorRole: actor.role,
    ...event,
    result: event.result ?? "success",
    clientIp: actor.clientIp,
    requestId: actor.requestId,
  });
}

/** Chinese names of the kinds of object an audit row is about, for the audit page and exports. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  attendance_report: "学生考勤日报",
  attendance_rule_set: "辍学风险预警规则",
  audit_log: "审计日志",
  bulletin: "月通报",
  custom_indicator: "自定义指标",
  dropout_case: "控辍案件",
  dropout_report: "控辍保学月报",
  enrol_catchment: "学区（片区）",
  enrol_application: "入学报名",
  enrol_category_rules: "报名类别规则",
  enrol_lottery: "入学摇号",
  school_age_import: "适龄儿童名单",
  evaluation_scenario: "评估情景",
  installation: "系统安装",
  notification: "催报通知",
  org_registry_import: "学校名录导入",
  org_unit: "机构",
  plan: "规划文件",
  plan_node: "规划条目",
  plan_target: "规划目标",
  session: "会话",
  stats_import: "统计数据导入",
  supervision_attestation: "督导评估申报",
  supervision_evidence: "督导评估佐证材料",
  supervision_settings: "督导评估设置",
  supervision_survey: "社会认可度调查",
  task: "督办任务",
  task_attachment: "任务附件",
  unit_name_rules: "单位名称规则",
  user: "用户",
  aid_programme: "资助项目",
  aid_priority_import: "困难群体名单",
  aid_application: "资助申请",
  aid_publicity: "资助公示",
  aid_batch: "资助发放批次",
  aid_unaided_reason: "未资助原因",
};

/** Chinese names of audit actions, for the audit page and exports. */
export const ACTION_LABELS: Record<string, string> = {
  "dropout.school-age-import": "导入适龄儿童名单",
  "dropout.case-open": "控辍立案",
  "dropout.case-update": "修改控辍案件",
  "dropout.step-add": "安排控辍措施",
  "dropout.step-record": "登记控辍措施",
  "dropout.case-close": "控辍销号",
  "dropout.report-export": "导出控辍保学月报",
  "enrolment.catchment-import": "导入学区片区名单",
  "enrolment.catchment-edit": "修改学校片区",
  "enrolment.application-import": "导入入学报名",
  "enrolment.application-create": "录入入学报名",
  "enrolment.application-decide": "入学资格审核",
  "enrolment.category-rules": "修改报名类别规则",
  "enrolment.lottery-freeze": "冻结摇号名单",
  "enrolment.lottery-draw": "入学摇号",
  "registry.retention": "学籍到期匿名化",
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.password-change": "修改口令",
  "auth.session-expired": "会话超时",
  "auth.session-evicted": "超出并发会话数，结束最早的会话",
  "auth.totp-enrol": "启用双因素认证（动态口令）",
  "auth.totp-disable": "停用双因素认证",
  "auth.second-factor": "双因素认证（动态口令）",
  "pii.rotate-key": "轮换个人信息加密密钥",
  "pii.reveal": "查看个人信息明文",
  "user.dormant-disable": "停用长期未用账号",
  "user.dormant-report": "清查长期未用账号",
  "user.create": "新建用户",
  "user.bulk-create": "批量开通账号",
  "user.reset-password": "重置口令",
  "user.update": "修改用户",
  "user.clearance": "设置许可级别（安全标记）",
  "org.create": "新建组织机构",
  "demo.load": "载入演示数据",
  "audit.search": "查询审计日志",
  "audit.export": "导出审计日志",
  "backup.create": "备份数据",
  "backup.restore": "恢复备份",
  "audit.verify": "校验审计日志完整性",
  "org.import": "导入组织机构",
  "org.registry-import": "导入单位名录",
  "org.registry-discard": "放弃单位名录导入",
  "org.init": "初始化辖区",
  "org.unit-create": "新增单位",
  "org.unit-update": "修改单位",
  "org.unit-move": "调整隶属",
  "org.unit-merge": "撤并单位",
  "org.unit-close": "撤销单位",
  "org.unit-reopen": "恢复单位",
  "plan.import": "导入规划文件",
  "plan.node-update": "修改条目",
  "plan.node-units": "设置责任单位",
  "plan.node-merge": "合并条目",
  "plan.node-split": "拆分条目",
  "plan.target-create": "新增目标",
  "plan.target-update": "修改目标",
  "plan.target-delete": "删除目标",
  "plan.confirm": "确认规划",
  "plan.discard": "作废规划",
  "plan.export": "导出规划",
  "plan.unit-map": "统一对应单位名称",
  "plan.unit-name-rules": "修改单位名称规则",
  "task.create": "新建任务",
  "task.assign": "交办",
  "task.accept": "签收",
  "task.submitForReview": "提请销号",
  "task.approve": "销号",
  "task.return": "退回",
  "task.suspend": "中止",
  "task.resume": "恢复",
  "task.requestAdjustment": "申请调整",
  "task.decideAdjustment": "审批调整",
  "task.report": "报送进展",
  "task.instruct": "领导批示",
  "task.instruction-reply": "回复批示",
  "task.attachment-read": "查看附件",
  "ledger.export": "导出台账",
  "ledger.bulletin-export": "导出月通报",
  "ledger.remind": "催报",
  "ledger.bulletin-issue": "印发月通报",
  "ledger.bulletin-download": "下载已印发通报",
  "ledger.settings-update": "修改督办设置",
  "ledger.escalate": "运行督办升级",
  "ledger.notice-export": "下载督办通知单",
  "ledger.urge-export": "下载催办单",
  "ledger.assessment-export": "导出年度考核",
  "task.batch-create": "批量立项",
  "task.edit": "修改任务",
  "task.reassign": "改派任务",
  "task.sign-off": "会签",
  "notification.read": "阅读消息",
  "stats.import": "导入统计数据",
  "registry.import": "导入学籍",
  "attendance.report": "报送学生考勤",
  "attendance.chase": "催报学生考勤",
  "attendance.evaluate": "核查辍学风险预警",
  "attendance.rules": "修改辍学风险预警规则",
  "attendance.demo": "生成演示考勤",
  "target.link": "确认目标关联指标",
  "indicator.create": "新增自定义指标",
  "indicator.table-export": "导出指标总表",
  "stats.year-export": "导出本年度统计数据",
  "indicator.update": "修改自定义指标",
  "indicator.deactivate": "停用自定义指标",
  "evaluation.report-export": "导出评估报告",
  "evaluation.scenario-create": "保存情景",
  "evaluation.scenario-update": "修改情景",
  "evaluation.scenario-delete": "删除情景",
  "evaluation.attestation-submit": "提交佐证申报",
  "evaluation.evidence-upload": "上传佐证材料",
  "evaluation.evidence-read": "查阅佐证材料",
  "evaluation.attestation-review": "审核佐证申报",
  "evaluation.survey-save": "录入满意度调查结果",
  "evaluation.settings-save": "修改评估设置",
  "aid.programme-create": "新建资助项目",
  "aid.list-import": "导入困难群体名单",
  "aid.apply": "录入资助申请",
  "aid.assess": "资助民主评议",
  "aid.publicise": "发布资助公示",
  "aid.objection": "登记公示异议",
  "aid.objection-answer": "答复公示异议",
  "aid.review": "审核资助申请",
  "aid.batch-create": "生成资助发放批次",
  "aid.bank-file": "导出银行代发文件",
  "aid.bank-return": "导入银行回盘文件",
  "aid.batch-reissue": "失败记录重新发放",
  "aid.unaided-reason": "登记未资助原因",
  "aid.bank-update": "更正资助银行卡",
};

/** Converts API filters into the repository's query, limited to the reader's scope. */
export function toAuditQuery(
  scope: Scope,
  q: {
    actor?: string | undefined;
    entityType?: string | undefined;
    entityId?: string | undefined;
    action?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
): AuditQuery {
  const query: AuditQuery = { scope, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  if (q.actor) {
    query.actorLogin = q.actor;
  }
  if (q.entityType) {
    query.entityType = q.entityType;
  }
  if (q.entityId) {
    query.entityId = q.entityId;
  }
  if (q.action) {
    query.action = q.action;
  }
  if (q.from) {
    query.from = startOfChinaDay(q.from);
  }
  if (q.to) {
    // `to` is inclusive: up to the end of that day, China time
    query.to = new Date(endOfChinaDay(q.to));
  }
  return query;
}
