import { describe, expect, it } from "vitest";
import { type Actor, guest, hasRole, requireCoordinator, requirePerson } from "./actor";
import { Forbidden, Unauthorized } from "./errors";
import type { Role } from "./reference";

const person = (roles: Role[]): Actor => ({
  type: "person",
  accountId: "01",
  email: "a@b.example",
  name: "А",
  roles,
});

describe("permissions", () => {
  it("asks guests to sign in", () => {
    expect(() => requirePerson(guest)).toThrow(Unauthorized);
    expect(() => requireCoordinator(guest)).toThrow(Unauthorized);
  });

  it("lets only coordinators act as coordinators", () => {
    expect(() => requireCoordinator(person(["member", "expert", "official"]))).toThrow(Forbidden);
    expect(requireCoordinator(person(["coordinator"])).accountId).toBe("01");
  });

  it("reads roles from the actor only", () => {
    expect(hasRole(person(["expert"]), "expert")).toBe(true);
    expect(hasRole(person(["expert"]), "official")).toBe(false);
    expect(hasRole(guest, "member")).toBe(false);
  });
});
