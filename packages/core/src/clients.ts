import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { config } from "./config";

/** Local endpoints accept any credentials; real AWS takes them from the Lambda role. */
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

let dynamo: DynamoDBDocumentClient | undefined;
let ses: SESv2Client | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (!dynamo) {
    const { region, dynamodbEndpoint } = config();
    const client = new DynamoDBClient({
      region,
      ...(dynamodbEndpoint ? { endpoint: dynamodbEndpoint, credentials: localCredentials } : {}),
    });
    dynamo = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return dynamo;
}

export function sesClient(): SESv2Client {
  if (!ses) {
    const { region, sesEndpoint } = config();
    ses = new SESv2Client({
      region,
      ...(sesEndpoint ? { endpoint: sesEndpoint, credentials: localCredentials } : {}),
    });
  }
  return ses;
}
