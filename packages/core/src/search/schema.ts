import * as z from "zod/mini";

/** The header's search: a few results of each area, each group linking on to its own list. */
export const PortalSearchQuery = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(1, "Введите, что искать"), z.maxLength(100)),
  limit: z._default(z.coerce.number().check(z.gte(1), z.lte(20), z.multipleOf(1)), 5),
});
export type PortalSearchQuery = z.infer<typeof PortalSearchQuery>;
