/**
 * The HTTP status an error carries, whichever client raised it: the Bot Framework
 * connector's RestError has `statusCode`, fetch-like errors `status`, and @azure/cosmos's
 * ErrorResponse `code`. Undefined when it carries none (a network error, say).
 */
export const statusOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<string, unknown>;
  const status = record.statusCode ?? record.status ?? record.code;
  return typeof status === 'number' ? status : undefined;
};
