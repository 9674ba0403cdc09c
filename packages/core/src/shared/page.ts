import * as z from "zod/mini";

/** A page of a list: the items and the cursor of the next page (null at the end). */
export const Page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.nullable(z.string()) });
