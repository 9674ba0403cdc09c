import { query } from "@solidjs/router";
import { api } from "./api";

export type Config = { mailViewerUrl?: string; stage: string };

/** Public runtime configuration; a failure only hides the development links. */
export const getConfig = query(
  () => api.get<Config>("/api/config").catch((): Config => ({ stage: "unknown" })),
  "config",
);
