import { Match, type Template } from "aws-cdk-lib/assertions";
import { use } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { Email } from "../Email";
import { mailDomain } from "../settings";
import { synthesize, templateOf } from "./synthesize";

describe("Email stack", () => {
  let template: Template;

  beforeAll(async () => {
    await synthesize("test");
    template = templateOf(Email);
  });

  const logicalIdOf = (type: string) => {
    const ids = Object.keys(template.findResources(type));
    expect(ids).toHaveLength(1);
    return ids[0]!;
  };

  it("verifies the sending domain and applies the configuration set to all its mail", () => {
    template.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: mailDomain(),
      ConfigurationSetAttributes: {
        ConfigurationSetName: { Ref: logicalIdOf("AWS::SES::ConfigurationSet") },
      },
    });
  });

  it("sends from an address of that domain", () => {
    expect(use(Email).mailFrom).toMatch(new RegExp(`<noreply@${mailDomain().replaceAll(".", "\\.")}>$`));
  });

  it("publishes bounces and complaints to the topic, which SES may publish to", () => {
    const topic = logicalIdOf("AWS::SNS::Topic");
    template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      ConfigurationSetName: { Ref: logicalIdOf("AWS::SES::ConfigurationSet") },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ["bounce", "complaint"],
        SnsDestination: { TopicARN: { Ref: topic } },
      },
    });
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: "sns:Publish",
            Effect: "Allow",
            Principal: { Service: "ses.amazonaws.com" },
          }),
        ],
      },
    });
  });

  it("stops mailing addresses that bounced or complained", () => {
    template.hasResourceProperties("AWS::SES::ConfigurationSet", {
      SuppressionOptions: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
    });
  });

  it("outputs the DKIM records to publish in DNS", () => {
    const outputs = Object.keys(template.findOutputs("*")).filter((name) => name.startsWith("Dkim"));
    expect(outputs).toEqual(["DkimCname1", "DkimCname2", "DkimCname3"]);
  });
});
