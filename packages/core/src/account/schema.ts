import * as z from "zod/mini";
import { consultationTopicIds, roleIds } from "../reference";
import { blankable, phone, text, version } from "../shared/fields";

export const Role = z.enum(roleIds);

export const Account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.optional(z.string()),
  roles: z.array(Role),
  expertTopics: z.array(z.enum(consultationTopicIds)),
  status: z.enum(["active", "blocked"]),
  consent: z.object({ version: z.string(), at: z.string() }),
  createdAt: z.string(),
  version: z.number(),
});
export type Account = z.infer<typeof Account>;

export const UpdateProfile = z.strictObject({
  name: text("имя", 2, 120),
  phone: blankable(phone),
  version,
});
export type UpdateProfile = z.infer<typeof UpdateProfile>;

export const GrantRoles = z.strictObject({
  roles: z.array(Role, { error: "Выберите роли" }).check(z.maxLength(4)),
  /** The topics an expert answers; ignored without the expert role. */
  expertTopics: z.optional(
    z.array(z.enum(consultationTopicIds, { error: "Неизвестная тема" })).check(z.maxLength(7)),
  ),
  version,
});
export type GrantRoles = z.infer<typeof GrantRoles>;

export const SetBlocked = z.strictObject({ blocked: z.boolean(), version });
export type SetBlocked = z.infer<typeof SetBlocked>;
