import { describe, expect, it } from "vitest";
import { dynamoRetries } from "./clients";

const throttled = { errorType: "THROTTLING" };
const network = { errorType: "TRANSIENT" };

describe("DynamoDB retries", () => {
  it("retry throttling up to 8 attempts with backoff doubling from 50 ms to a cap of 800 ms", async () => {
    const retries = dynamoRetries(() => 1);
    let token = await retries.acquireInitialRetryToken();
    const delays: number[] = [];
    for (;;) {
      try {
        token = await retries.refreshRetryTokenForRetry(token, throttled);
      } catch {
        break;
      }
      delays.push(token.getRetryDelay());
    }
    expect(delays).toEqual([50, 100, 200, 400, 800, 800, 800]);
  });

  it("never retry a client error such as a validation failure", async () => {
    const retries = dynamoRetries();
    const token = await retries.acquireInitialRetryToken();
    await expect(retries.refreshRetryTokenForRetry(token, { errorType: "CLIENT_ERROR" })).rejects.toThrow();
  });

  it("stop retrying when the shared quota is spent, and earn it back from successful calls", async () => {
    const retries = dynamoRetries(() => 0);
    let refused = 0;
    for (let call = 0; call < 60; call++) {
      const token = await retries.acquireInitialRetryToken();
      await retries.refreshRetryTokenForRetry(token, network).catch(() => refused++);
    }
    expect(retries.capacity()).toBeLessThan(10);
    expect(refused).toBe(10);
    for (let call = 0; call < 20; call++) retries.recordSuccess(await retries.acquireInitialRetryToken());
    expect(retries.capacity()).toBe(20);
    // A call that succeeded after retries gives back all it spent.
    const token = await retries.refreshRetryTokenForRetry(
      await retries.acquireInitialRetryToken(),
      throttled,
    );
    retries.recordSuccess(token);
    expect(retries.capacity()).toBe(21);
  });

  it("retry SES only when it surely did not take the letter: throttled or refused, never a reset", async () => {
    const ses = dynamoRetries(() => 0, 3, /^(ECONNREFUSED|THROTTLING)$/);
    const token = await ses.acquireInitialRetryToken();
    await expect(ses.refreshRetryTokenForRetry(token, throttled)).resolves.toBeTruthy();
    await expect(
      ses.refreshRetryTokenForRetry(token, { errorType: "TRANSIENT", error: { code: "ECONNREFUSED" } }),
    ).resolves.toBeTruthy();
    await expect(
      ses.refreshRetryTokenForRetry(token, { errorType: "TRANSIENT", error: { code: "ECONNRESET" } }),
    ).rejects.toThrow();
  });
});
