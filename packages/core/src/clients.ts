import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
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

let secret: Promise<string> | undefined;

/**
 * The login-code key. On AWS it is an SSM SecureString read once per cold start, so it never
 * sits in the function's environment; locally and in tests it is passed as AUTH_SECRET.
 */
export function authSecret(): Promise<string> {
  secret ??= (async () => {
    const { authSecret: value, authSecretParameter, region } = config();
    if (value) return value;
    if (authSecretParameter) {
      const ssm = new SSMClient({ region });
      const { Parameter } = await ssm.send(
        new GetParameterCommand({ Name: authSecretParameter, WithDecryption: true }),
      );
      if (Parameter?.Value) return Parameter.Value;
    }
    throw new Error("AUTH_SECRET or AUTH_SECRET_PARAMETER must be set");
  })();
  return secret;
}
