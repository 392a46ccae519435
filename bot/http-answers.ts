import type restify from 'restify';

/** A restify error as its 'restifyError' event gives it. */
export type RestifyError = Error & { statusCode?: number; toJSON?: () => unknown };

/**
 * What an error answer says: plain words for its status. Never an internal message (the
 * SDK's or restify's, which name functions, parsers and hosts): those go to the log.
 */
export function plainWords(status: number): string {
  switch (status) {
    case 400:
      return 'The request is not valid.';
    case 401:
      return 'Unauthorised.';
    case 404:
      return 'Not found.';
    case 405:
      return 'Method not allowed.';
    case 413:
      return 'The request body is too large.';
    case 415:
      return 'The request body must be JSON (content type application/json).';
    // The Bot Framework's answer to an invoke the bot does not take (a kind of request Teams
    // may send to any app): not a failure on our side.
    case 501:
      return 'This app does not handle that kind of request.';
    default:
      return status >= 500
        ? 'Something went wrong on our side. Please try again later.'
        : 'The request was refused.';
  }
}

/** Answers `{ "error": "<plain words>" }` with the status. */
export function refuse(res: restify.Response, status: number, words = plainWords(status)): void {
  res.status(status);
  res.json({ error: words });
}
