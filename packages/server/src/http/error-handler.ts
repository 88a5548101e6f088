import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblem } from "../errors.ts";

const CONTEXT_LABELS: Record<string, string> = {
  body: "请求体",
  querystring: "查询参数",
  params: "路径参数",
};

/** Sends the one error shape: `{error: {code, message, details}}`. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .status(ERROR_STATUS[code])
    .send({ error: { code, message, details: { ...details, requestId: reply.request.id } } });
}

/**
 * Maps every error to the one shape. Validation errors name each field (`body.login`); errors nobody
 * raised on purpose are logged and shown as a generic 500 with no stack trace or SQL.
 */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return sendError(reply, error.code, error.message, error.details ?? {});
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? "body";
    const fields: FieldProblem[] = error.validation.map((v) => {
      const path = [context, ...v.instancePath.split("/").filter((s) => s !== "")].join(".");
      const keys = v.keyword === "unrecognized_keys" ? (v.params as { keys?: string[] }).keys : undefined;
      return {
        path: keys === undefined ? path : `${path}.${keys.join(",")}`,
        message: keys === undefined ? (v.message ?? "取值无效") : `不允许的字段：${keys.join("、")}`,
      };
    });
    const summary = fields.map((f) => `${f.path}：${f.message}`).join("；");
    return sendError(reply, "validation-failed", `${CONTEXT_LABELS[context] ?? "请求"}有误：${summary}`, {
      fields,
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, "response does not match its schema");
    return sendError(reply, "internal", "服务器内部错误");
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === "FST_CSRF_INVALID_TOKEN" || fastifyError.code === "FST_CSRF_MISSING_SECRET") {
    return sendError(reply, "csrf-invalid", "请求缺少有效的防跨站令牌（CSRF），请刷新页面后重试");
  }
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return sendError(reply, "payload-too-large", "请求体过大");
  }
  if (fastifyError.statusCode === 429) {
    return sendError(reply, "rate-limited", "请求过于频繁，请稍后再试");
  }
  if (fastifyError.statusCode === 415) {
    return sendError(reply, "bad-request", "不支持的内容类型，请以 JSON 提交");
  }
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const isJson = fastifyError.code.startsWith("FST_ERR_CTP");
    return sendError(
      reply,
      isJson ? "malformed-body" : "bad-request",
      isJson ? "请求体不是有效的 JSON" : "请求有误",
    );
  }
  request.log.error({ err: error }, "unhandled error");
  return sendError(reply, "internal", "服务器内部错误，请稍后重试或联系管理员");
}
