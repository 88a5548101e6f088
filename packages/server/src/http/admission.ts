/**
 * Admission of API requests: at most a few run at once, the rest wait their turn in arrival order.
 *
 * Every request's statements share the database connections — on the embedded database one
 * connection on the server's one thread. Left to themselves, 200 concurrent requests each get a
 * two-hundredth of the server and all finish late together: in the load benchmark (issue 14) not one of
 * them answered within 10 s, the clients gave up and sent again, and the server went on working for
 * clients that had gone. Run a few at a time instead, the first arrivals answer at once and the
 * others soon after, in order; a request whose client has gone while it waited is dropped unrun.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Requests admitted at once: the embedded database serves one statement at a time. */
export const ADMITTED = { pglite: 4, postgres: 16 } as const;

/** A first-in, first-out gate of `limit` slots. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  async enter(): Promise<void> {
    if (this.running < this.limit) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
    });
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.running -= 1;
    } else {
      next();
    }
  }
}

/**
 * The connection is closed: nobody is left to read an answer. (Not `request.raw.destroyed`: a request
 * whose body has been read to its end is destroyed too, while its client waits for the answer.)
 */
const clientGone = (request: FastifyRequest): boolean => request.socket.destroyed;

/**
 * Admits /api requests `limit` at a time, once their body has arrived (a slow upload holds no slot);
 * the slot is given back when the answer has been sent or the connection closed.
 */
export function registerAdmission(app: FastifyInstance, limit: number): void {
  const gate = new Gate(limit);
  app.addHook("preValidation", async (request, reply) => {
    if (!request.url.startsWith("/api/")) {
      return;
    }
    await gate.enter();
    let held = true;
    const leave = () => {
      if (held) {
        held = false;
        gate.leave();
      }
    };
    if (clientGone(request)) {
      leave();
      // nobody is left to read an answer: stop here without running the route
      return reply.hijack();
    }
    reply.raw.once("close", leave);
    reply.raw.once("finish", leave);
  });
}
