/**
 * restify 11 (the latest) requires `spdy` at load time, whose `http-deceiver` reads
 * `process.binding('http_parser')`: Node 20 warns DEP0111 for it, once per process, on every
 * start. The bot never uses spdy (HTTP/2 is off unless restify is given `spdy` options) and
 * the call still works, so the warning tells an officer or operator nothing they can act on.
 * This drops that one warning, matched by its code and its exact wording; every other
 * warning, DEP0111 for any other binding included, is printed as usual. Imported before
 * restify, so that it is in place when restify loads.
 */
const original = process.emitWarning.bind(process);
const HTTP_PARSER = "process.binding('http_parser')";

function isSpdysWarning(warning: unknown, rest: unknown[]): boolean {
  const text = warning instanceof Error ? warning.message : String(warning);
  const [second, third] = rest;
  const code =
    warning instanceof Error && 'code' in warning
      ? warning.code
      : typeof second === 'object' && second !== null && 'code' in second
        ? (second as { code?: unknown }).code
        : third;
  return code === 'DEP0111' && text.includes(HTTP_PARSER);
}

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (isSpdysWarning(warning, rest)) return;
  (original as (warning: string | Error, ...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
