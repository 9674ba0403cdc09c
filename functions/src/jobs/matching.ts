import * as Matching from "@cluster/core/resource/matching";

/** Announces new request/offer pairs among recently published listings (docs/decisions/010). */
export async function handler() {
  const result = await Matching.matchRecent();
  console.log(JSON.stringify({ level: "info", msg: "matching", ...result }));
  return result;
}
