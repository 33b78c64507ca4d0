import type { FastifyRequest } from 'fastify';

// Public links carry their credential in the path (survey answer links, case feedback links, grievance
// follow-up codes). A log line must never hold one, nor the address and exact time of whoever used it.
const credentialPath = /^(\/api\/public\/[a-z-]+\/|\/s\/|\/r\/|\/case-feedback\/|\/grievance\/)([^/?#]+)/;

/** The URL as logged: a public link's credential replaced, and no query string on public paths. */
export function loggableUrl(url: string): string {
  const m = credentialPath.exec(url);
  if (!m) {
    return url;
  }
  const path = url.split('?')[0] ?? url;
  return path.replace(credentialPath, '$1[redacted]');
}

const isPublicPath = (url: string) => credentialPath.test(url);

/** pino serializer for requests: method and a safe URL, and the client address only on signed-in paths. */
export function serializeRequest(req: FastifyRequest) {
  const url = req.url;
  return {
    method: req.method,
    url: loggableUrl(url),
    ...(isPublicPath(url) ? {} : { remoteAddress: req.ip }),
  };
}
