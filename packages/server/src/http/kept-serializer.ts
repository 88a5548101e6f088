/**
 * The response serializer of every route: the zod check of the response against the route's schema,
 * then JSON (fastify-type-provider-zod). A response a service keeps for many requests (a result kept
 * while the statistics are unchanged, services/statistics/computed-cache.ts) is frozen by its presenter:
 * its JSON text is kept with it, so the check and the serialisation run once for it rather than on
 * every request. Any other response is checked and serialised each time, as before.
 */
import { serializerCompiler } from "fastify-type-provider-zod";

type SerializerRoute = Parameters<typeof serializerCompiler>[0];

/** {@link serializerCompiler}, keeping the JSON of frozen responses. */
export function keptSerializerCompiler(route: SerializerRoute): (data: unknown) => string {
  const serialize = serializerCompiler(route);
  const kept = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== "object" || data === null || !Object.isFrozen(data)) {
      return serialize(data);
    }
    let json = kept.get(data);
    if (json === undefined) {
      json = serialize(data);
      kept.set(data, json);
    }
    return json;
  };
}
