import { request as httpsRequest, type Agent } from 'node:https';

/** The status and body text of one HTTP exchange. */
export interface Response {
  status: number;
  text: string;
}

/** The abandoned request of a hung connection; its code lets the retry policy try again. */
export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * One HTTPS request with a deadline for the whole exchange: a socket idle timeout alone would not
 * end a reply that trickles in. Rejects with the socket's error, or RequestTimeoutError.
 */
export function sendRequest(options: {
  agent: Agent;
  url: URL;
  method: string;
  path: string;
  headers: Record<string, string>;
  payload?: string;
  timeoutMs: number;
}): Promise<Response> {
  const { url, timeoutMs } = options;

  return new Promise<Response>((resolve, reject) => {
    const req = httpsRequest(
      {
        // URL keeps the brackets of an IPv6 literal, which the socket layer does not want.
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || 443,
        method: options.method,
        path: options.path,
        headers: options.headers,
        agent: options.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => {
      const error = new RequestTimeoutError(`no answer within ${timeoutMs} ms`);
      reject(error);
      req.destroy(error);
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.payload);
  });
}
