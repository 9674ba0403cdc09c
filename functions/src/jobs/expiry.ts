import * as Expiry from "@cluster/core/resource/expiry";

/** Closes listings whose window ended before today in Moscow. */
export async function handler() {
  const result = await Expiry.expireDue();
  console.log(JSON.stringify({ level: "info", msg: "expiry", ...result }));
  return result;
}
