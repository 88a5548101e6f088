import { monitorEventLoopDelay } from "node:perf_hooks";
import { z } from "zod";
import {
  buildApp,
  cookieSecretFor,
  formatLogins,
  loadConfig,
  loadDemo,
  openServices,
  prepareSetupToken,
  SETUP_TOKEN_FILE,
  VERSION,
  WEB_DIST,
} from "@luoshi/server";
import { parseOptions } from "../options.ts";

const ServeOptions = z.object({
  demo: z.boolean().optional(),
  port: z.coerce
    .number({ error: "端口应为数字" })
    .int()
    .min(1, { error: "端口应在 1–65535 之间" })
    .max(65535, { error: "端口应在 1–65535 之间" })
    .optional(),
});

/** `luoshi serve [--demo]`: migrate, optionally load the demo county, serve the web app and API. */
export async function serve(raw: unknown): Promise<void> {
  const options = parseOptions(ServeOptions, raw);
  const config = loadConfig();
  if (options.port !== undefined) {
    config.port = options.port;
  }
  if (options.demo === true && !config.requireTotp.explicit) {
    // the demo's generated accounts sign in with a password only, unless LUOSHI_REQUIRE_TOTP says
    // otherwise (docs/personal-data.md); an account that binds an authenticator is still asked for it
    config.requireTotp = { who: "none", explicit: false };
  }
  const deps = await openServices(config);
  if (options.demo === true) {
    const { isNew, logins } = await loadDemo(deps);
    console.log(isNew ? "已载入演示数据：平凉市崆峒区（357 所学校）" : "演示数据已存在。");
    if (logins.length > 0) {
      console.log(`\n演示账号（登录名 / 口令 / 角色 / 单位）— demo logins:\n${formatLogins(logins)}`);
    }
  }
  // An empty database: the first-run page claims it with this token (null once initialised).
  const setupToken = await prepareSetupToken(deps);
  const app = await buildApp(deps, {
    setupToken,
    cookieSecret: cookieSecretFor(config),
    webDir: WEB_DIST,
    logger: { level: config.logLevel },
    version: VERSION,
  });
  // LUOSHI_REPORT_LOAD=1 (the load benchmark): on shutdown, print how long the event loop was held up
  // and the CPU time this process used — the server's own figures, which a loaded machine does not skew.
  const loopDelay = process.env.LUOSHI_REPORT_LOAD === "1" ? monitorEventLoopDelay({ resolution: 10 }) : null;
  loopDelay?.enable();
  let cpuAtListen = process.cpuUsage();
  const close = async () => {
    if (loopDelay !== null) {
      loopDelay.disable();
      const ms = (ns: number) => (ns / 1e6).toFixed(0);
      const cpu = process.cpuUsage(cpuAtListen);
      console.log(
        `server: event loop delay p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, ` +
          `max ${ms(loopDelay.max)} ms; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms since it listened`,
      );
    }
    await app.close();
    await deps.handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close());
  process.once("SIGTERM", () => void close());
  await app.listen({ port: config.port, host: config.host });
  cpuAtListen = process.cpuUsage();
  loopDelay?.reset();
  const engine = deps.handle.engine === "pglite" ? `嵌入式 PGlite（${config.dataDir}）` : "PostgreSQL";
  console.log(
    `\n落实 luoshi 已启动：http://localhost:${config.port}  数据库：${engine}  接口文档：/api/docs`,
  );
  if (setupToken !== null) {
    console.log(
      [
        "",
        "尚未初始化辖区。请在浏览器打开首次设置页面（或用 luoshi init 命令）：",
        `  http://localhost:${config.port}/setup`,
        `  设置口令：${setupToken}`,
        `  （口令也保存在数据目录的 ${SETUP_TOKEN_FILE} 中；初始化完成后自动删除）`,
      ].join("\n"),
    );
  }
}
