import { WHOLE_TREE } from "@luoshi/db";
import { userInfo } from "node:os";
import { loadConfig, openServices, type Actor, type ServiceDeps } from "@luoshi/server";

/**
 * The actor for commands run on the server's own machine: whoever can run the CLI there administers the
 * installation, so it may create any account. The trail names the operating-system user.
 */
export function cliActor(): Actor {
  return {
    userId: null,
    login: `cli:${userInfo().username}`,
    role: "securityAdmin",
    orgUnitId: null,
    scope: WHOLE_TREE,
    clientIp: "local",
    requestId: null,
  };
}

/** Opens the configured database (migrating it) for one command, and closes it afterwards. */
export async function withServices<T>(work: (deps: ServiceDeps) => Promise<T>): Promise<T> {
  const deps = await openServices(loadConfig());
  try {
    return await work(deps);
  } finally {
    await deps.handle.close();
  }
}
