import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../context.ts";
import { sessionOf } from "./auth-hook.ts";

/**
 * The handler of an import sent as JSON with its file in base64 and a `preview` flag (学籍, 适龄儿童,
 * 资助名单, 学区, 报名): decodes the file, runs the service as the signed-in actor, and answers 200 for a
 * preview (nothing written) and 201 once the import is applied.
 */
export function previewImportHandler<B extends { contentBase64: string }, R extends { applied: boolean }>(
  run: (actor: Actor, input: Omit<B, "contentBase64"> & { bytes: Buffer }) => Promise<R>,
) {
  return async (request: FastifyRequest & { body: B }, reply: FastifyReply): Promise<R> => {
    const { contentBase64, ...rest } = request.body;
    const result = await run(sessionOf(request).actor, {
      ...rest,
      bytes: Buffer.from(contentBase64, "base64"),
    });
    void reply.status(result.applied ? 201 : 200);
    return result;
  };
}
