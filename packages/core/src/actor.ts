import { Forbidden, Unauthorized } from "./errors";
import type { Role } from "./reference";

/** Who is asking: built from the session by the API, never from request fields. */
export type Actor =
  | { type: "guest" }
  | { type: "person"; accountId: string; email: string; name: string; roles: Role[] };

export type Person = Extract<Actor, { type: "person" }>;

export const guest: Actor = { type: "guest" };

export function requirePerson(actor: Actor): Person {
  if (actor.type !== "person") throw new Unauthorized();
  return actor;
}

export const hasRole = (actor: Actor, role: Role) => actor.type === "person" && actor.roles.includes(role);

export function requireCoordinator(actor: Actor): Person {
  const person = requirePerson(actor);
  if (!person.roles.includes("coordinator")) throw new Forbidden("Доступно только координаторам");
  return person;
}
