import * as Digests from "@cluster/core/digest/send";

/** What a run leaves itself to record its last sends before Lambda stops it. */
const MARGIN_MS = 60_000;

/** Digests that fell due: each subscriber at their hour, at most one per period. */
export async function handler(_event?: unknown, context?: { getRemainingTimeInMillis(): number }) {
  const stopTakingAt = context ? Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS : undefined;
  const summary = await Digests.sendDueDigests({ stopTakingAt });
  console.log(
    JSON.stringify({
      level: summary.failed || summary.unknown ? "warn" : "info",
      msg: "digests",
      ...summary,
    }),
  );
  return summary;
}
