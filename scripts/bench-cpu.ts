/**
 * CPU time of a benchmark's work, by process: this Node process (process.cpuUsage), its finished child
 * processes (the file-reading worker) and the PostgreSQL backends serving the benchmark's database (their
 * /proc/<pid>/stat, when the server runs on this machine). Wall time means little on a shared two-core
 * machine; CPU time and the load average beside it say what the work itself cost.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { DatabaseHandle } from "@luoshi/db";
import { backendPids } from "@luoshi/db/bench/attendance";

/** CPU seconds used so far, by process, and the wall clock (ms). */
export interface CpuSnapshot {
  node: number;
  children: number;
  postgres: number;
  wall: number;
}

const TICKS = 100; // USER_HZ on Linux

/** utime+stime and cutime+cstime of a process in seconds, or zeros when it cannot be read. */
function procTimes(pid: number | "self"): { own: number; children: number } {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields 14–17 of stat(5) are the 12th–15th after the command name and state
    const n = (i: number) => Number(f[i] ?? 0);
    return { own: (n(11) + n(12)) / TICKS, children: (n(13) + n(14)) / TICKS };
  } catch {
    return { own: 0, children: 0 };
  }
}

/** The process title of a process (PostgreSQL shows what a backend is in it), or "" when unreadable. */
function processTitle(pid: number): string {
  try {
    return readFileSync(`/proc/${String(pid)}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** Measures the CPU time of a handle's work: `snap()` now, `since(a)` the difference to a snapshot. */
export function cpuMeter(handle: DatabaseHandle) {
  // autovacuum works on the same database but not for the benchmark: its process title names it
  const backends = async (): Promise<number[]> =>
    handle.engine === "postgres"
      ? (await backendPids(handle.db)).filter((pid) => !processTitle(pid).includes("autovacuum"))
      : [];
  // a backend that connects between two snapshots counts whole (it started in between); one that
  // disconnects is lost, which a pool busy with the benchmark does not do
  const snap = async (): Promise<CpuSnapshot> => {
    const cpu = process.cpuUsage();
    const pids = await backends();
    return {
      node: (cpu.user + cpu.system) / 1e6,
      children: procTimes("self").children,
      postgres: pids.reduce((s, pid) => s + procTimes(pid).own, 0),
      wall: performance.now(),
    };
  };
  let pids: number[] = [];
  let last = { node: 0, postgres: 0, wall: 0 };
  const phases = new Map<string, { node: number; postgres: number; wall: number }>();
  const now = () => {
    const cpu = process.cpuUsage();
    return {
      node: (cpu.user + cpu.system) / 1e6,
      postgres: pids.reduce((s, pid) => s + procTimes(pid).own, 0),
      wall: performance.now(),
    };
  };
  return {
    snap,
    /** Starts counting phases: reads the backends once (a pool keeps its connections while busy). */
    async startPhases() {
      pids = await backends();
      phases.clear();
      last = now();
    },
    /** Adds the time since the last phase mark (or the start) to phase `name`; synchronous. */
    phase(name: string) {
      const t = now();
      const p = phases.get(name) ?? { node: 0, postgres: 0, wall: 0 };
      p.node += t.node - last.node;
      p.postgres += t.postgres - last.postgres;
      p.wall += (t.wall - last.wall) / 1000;
      phases.set(name, p);
      last = t;
    },
    /** One line per phase: wall and CPU seconds of Node and of PostgreSQL. */
    phaseLines(): string[] {
      return [...phases].map(
        ([name, p]) =>
          `  ${name.padEnd(24)} wall ${p.wall.toFixed(2)} s; CPU node ${p.node.toFixed(2)} s + postgres ${p.postgres.toFixed(2)} s`,
      );
    },
    /** The CPU seconds and wall seconds since `a`, and a line that prints them with the load average. */
    async since(a: CpuSnapshot) {
      const b = await snap();
      const d = {
        node: b.node - a.node,
        children: b.children - a.children,
        postgres: b.postgres - a.postgres,
        wall: (b.wall - a.wall) / 1000,
      };
      const cpu = d.node + d.children + d.postgres;
      const line =
        `wall ${d.wall.toFixed(2)} s; CPU ${cpu.toFixed(2)} s = node ${d.node.toFixed(2)} + ` +
        `worker ${d.children.toFixed(2)} + postgres ${d.postgres.toFixed(2)}; ` +
        `load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`;
      return { ...d, cpu, line };
    },
  };
}
