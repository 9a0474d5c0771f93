/** True when DynamoDB refused a write because its ConditionExpression did not hold. */
export function conditionFailed(e: unknown): boolean {
  // By name: an error from a mocked client or from another copy of the SDK is no instance of this copy's class.
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ConditionalCheckFailedException";
}

/**
 * Runs one conditional write: its output, or undefined when the condition did not hold (another writer
 * was first, a limit was reached). Every other failure still throws.
 */
export async function sendIf<T>(send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (e) {
    if (conditionFailed(e)) return undefined;
    throw e;
  }
}
