/**
 * The client side of the load benchmark (scripts/bench-load.ts): sessions with their CSRF token, one
 * autocannon instance per kind of request with its figures, and the server's CPU time per request.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";

/** Requests of each kind sent one after another to measure the server's CPU time per request. */
const ALONE = 20;

/** The 1, 5 and 15 minute load averages, as `cat /proc/loadavg` gives them. */
export const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

/** CPU time (user + system) a process has used, from /proc (Linux; NaN elsewhere). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, "utf8")
        .split(") ")[1]
        ?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
/** Cookie header and CSRF token of a session (GET /api/auth/csrf sets the CSRF cookie). */
export async function withCsrf(url: string, token: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/auth/csrf`, { headers: { cookie: `luoshi_sid=${token}` } });
  const csrfCookie = r.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie: [`luoshi_sid=${token}`, ...csrfCookie].join("; "), csrf: csrfToken };
}

export interface Figures {
  kind: string;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers by status other than 2xx, e.g. "401×3". */
  statuses: string;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);

/** One autocannon instance: `connections` connections, each a user of its own, for `seconds` seconds. */
export async function load(
  seconds: number,
  kind: string,
  url: string,
  connections: number,
  request: (n: number) => autocannon.Request,
): Promise<Figures> {
  const times: number[] = [];
  let next = 0;
  let instance: autocannon.Instance | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (req, context: { n?: number }) => {
              context.n ??= next++;
              return { ...req, ...request(context.n) };
            },
          },
        ],
      },
      (error, r) => {
        if (error !== null && error !== undefined) {
          reject(error as Error);
        } else {
          resolve(r);
        }
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => {
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  return {
    kind,
    requests: times.length,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, { count }]) => `${code}×${String(count)}`)
      .join(" "),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/** A session with its CSRF token, and the task its user reports on. */
interface Writer {
  cookie: string;
  csrf: string;
  taskId: string;
}

/**
 * Each kind of request sent alone, {@link ALONE} in a row: the server's CPU time per request (from
 * /proc, which a loaded machine does not inflate the way it does wall time) says where the time goes.
 */
export async function cpuPerRequest(
  engine: string,
  server: { url: string; child: { pid?: number | undefined } },
  paths: readonly string[],
  cookie: string,
  w: Writer | undefined,
): Promise<void> {
  console.log(
    `${engine}: server CPU per request, each kind alone (${String(ALONE)} in a row; load average ${loadAverage()}):`,
  );
  const alone = async (label: string, send: () => Promise<Response>) => {
    const cpu0 = cpuMsOf(server.child.pid);
    const t0 = performance.now();
    for (let i = 0; i < ALONE; i++) {
      await (await send()).arrayBuffer();
    }
    const cpu = (cpuMsOf(server.child.pid) - cpu0) / ALONE;
    const wall = (performance.now() - t0) / ALONE;
    console.log(
      `  ${label.padEnd(34)} CPU ${cpu.toFixed(1).padStart(6)} ms   wall ${wall.toFixed(0).padStart(5)} ms`,
    );
  };
  for (const path of paths) {
    await alone(`GET ${path.split("?")[0] ?? path}`, () =>
      fetch(`${server.url}${path}`, { headers: { cookie } }),
    );
  }
  let n = 0;
  await alone("POST /api/tasks/:id/reports", () =>
    fetch(`${server.url}/api/tasks/${w?.taskId ?? ""}/reports`, {
      method: "POST",
      headers: {
        cookie: w?.cookie ?? "",
        "x-csrf-token": w?.csrf ?? "",
        "content-type": "application/json",
      },
      body: JSON.stringify({
        period: `2026-${String((n++ % 12) + 1).padStart(2, "0")}`,
        progress: 1,
        text: "单独报送",
      }),
    }),
  );
  await alone("GET /api/auth/me", () => fetch(`${server.url}/api/auth/me`, { headers: { cookie } }));
}
