import { Feedback } from "@cluster/core/digest/schema";
import * as Subscriptions from "@cluster/core/digest/subscriptions";

interface SesEvent {
  eventType?: string;
  notificationType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string }[]; bounceSubType?: string };
  complaint?: { complainedRecipients?: { emailAddress: string }[]; complaintFeedbackType?: string };
}

/** SES event publishing ("eventType") and identity notifications ("notificationType") alike. */
export function feedbackOf(message: SesEvent) {
  const type = (message.eventType ?? message.notificationType ?? "").toLowerCase();
  if (type === "bounce") {
    return Feedback.parse({
      type: "bounce",
      emails: (message.bounce?.bouncedRecipients ?? []).map((recipient) => recipient.emailAddress),
      permanent: message.bounce?.bounceType === "Permanent",
      detail: message.bounce?.bounceSubType,
    });
  }
  if (type === "complaint") {
    return Feedback.parse({
      type: "complaint",
      emails: (message.complaint?.complainedRecipients ?? []).map((recipient) => recipient.emailAddress),
      detail: message.complaint?.complaintFeedbackType,
    });
  }
  return undefined;
}

/** SES → SNS (bounces and complaints topic) → here: suppress the addresses. */
export async function handler(event: { Records: { Sns: { Message: string } }[] }) {
  let suppressed = 0;
  for (const record of event.Records) {
    const feedback = feedbackOf(JSON.parse(record.Sns.Message) as SesEvent);
    if (feedback) suppressed += (await Subscriptions.recordFeedback(feedback)).suppressed;
  }
  console.log(
    JSON.stringify({ level: "info", msg: "ses feedback", records: event.Records.length, suppressed }),
  );
  return { suppressed };
}
