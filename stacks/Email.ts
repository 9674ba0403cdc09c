import { Grant, type IGrantable } from "aws-cdk-lib/aws-iam";
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from "aws-cdk-lib/aws-ses";
import { Topic } from "aws-cdk-lib/aws-sns";
import type { StackContext } from "sst/constructs";
import { mailDomain } from "./settings";

export function Email({ stack }: StackContext) {
  const domain = mailDomain();

  const configurationSet = new ConfigurationSet(stack, "ConfigurationSet", {
    // Mailing an address that bounced or complained again hurts the domain's reputation.
    suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    reputationMetrics: true,
  });
  const bouncesAndComplaints = new Topic(stack, "BouncesAndComplaints");
  new ConfigurationSetEventDestination(stack, "BouncesAndComplaintsDestination", {
    configurationSet,
    destination: EventDestination.snsTopic(bouncesAndComplaints),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
  });

  // The identity's default configuration set applies to every message, so senders need not
  // name it (runtime code stays the same against a local SES endpoint).
  const identity = new EmailIdentity(stack, "Identity", {
    identity: Identity.domain(domain),
    configurationSet,
  });
  const configurationSetArn = stack.formatArn({
    service: "ses",
    resource: "configuration-set",
    resourceName: configurationSet.configurationSetName,
  });

  const mailFrom = `Кластер НКО Калужской области <noreply@${domain}>`;

  /** Sending is checked against both the identity and the configuration set it applies. */
  const grantSend = (grantee: IGrantable) =>
    Grant.addToPrincipal({
      grantee,
      actions: ["ses:SendEmail", "ses:SendRawEmail"],
      resourceArns: [identity.emailIdentityArn, configurationSetArn],
    });

  // The domain's DNS lives outside AWS: SES verifies the domain once these CNAMEs exist.
  stack.addOutputs(
    Object.fromEntries(
      identity.dkimRecords.map((record, index) => [
        `DkimCname${index + 1}`,
        `${record.name} ${record.value}`,
      ]),
    ),
  );

  return { identity, configurationSet, bouncesAndComplaints, mailFrom, grantSend };
}
