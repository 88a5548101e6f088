import type { Role } from "@luoshi/domain/auth";
import { type DatabaseHandle, WHOLE_TREE, type Scope } from "@luoshi/db";
import type { Config } from "./config.ts";

/** Who is acting, and from where: carried from the HTTP or CLI edge into every service call. */
export interface Actor {
  userId: string | null;
  login: string | null;
  role: Role | null;
  /** The org unit the account belongs to. */
  orgUnitId: string | null;
  /** The account's data scope: every scoped query is limited to it (see `@luoshi/db` scope). */
  scope: Scope;
  clientIp: string | null;
  requestId: string | null;
}

/** What services need from the outside world. */
export interface ServiceDeps {
  handle: DatabaseHandle;
  config: Config;
  /** The clock, injectable so that lockouts and timeouts can be tested. */
  now: () => Date;
}

/** The actor for work the system does on its own account (migrations, the demo loader, the CLI). */
export function systemActor(source: string): Actor {
  return {
    userId: null,
    login: source,
    role: null,
    orgUnitId: null,
    scope: WHOLE_TREE,
    clientIp: null,
    requestId: null,
  };
}
