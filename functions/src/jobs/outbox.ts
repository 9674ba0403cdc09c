import * as Mail from "@cluster/core/mail/index";

/**
 * Scheduled retry of mail that a request could not send right after its commit.
 * Sending claims each message first, so overlapping runs never send one twice.
 */
export async function handler() {
  const attempted = await Mail.deliverPending();
  console.log(JSON.stringify({ level: "info", msg: "outbox retry", attempted }));
  return { attempted };
}
