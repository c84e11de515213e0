/**
 * Requests to the fitscope HTTP API: `${apiBase}/api/v1/<route>?params`, JSON answers, one error
 * type. Every request takes an AbortSignal so a page can drop a stale one (session switched,
 * newer data announced) before it lands.
 */
import type { ApiErrorBody } from "./api-types.js";

/** A failed request: the server's error shape, or a network failure (status 0). */
export class ApiError extends Error {
  /** HTTP status; 0 when no answer came (network, CORS). */
  readonly status: number;
  /** The server's error code (`unknown_session`, ...) or `network_error`. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** The URL of an API route under `apiBase` ("" is the page's own origin). */
export function apiUrl(
  apiBase: string,
  route: string,
  params: Readonly<Record<string, string | number | null | undefined>> = {},
): string {
  const base = apiBase.replace(/\/+$/, "");
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") query.set(k, String(v));
  }
  const qs = query.toString();
  return `${base}/api/v1/${route}${qs === "" ? "" : `?${qs}`}`;
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== "object" || v === null || !("error" in v)) return false;
  const e = v.error;
  return typeof e === "object" && e !== null && "message" in e && "code" in e;
}

/** The header every write request carries: the server refuses writes without it (CSRF guard). */
export const WRITE_HEADER = { "X-Fitscope-Request": "1" } as const;

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(
      0,
      "network_error",
      `Could not reach the fitscope server at ${url} (is it running, and does it allow this page's origin with --cors-origin?).`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(body.error.status, body.error.code, body.error.message);
    }
    throw new ApiError(response.status, "http_error", `${url} answered ${response.status}.`);
  }
  return body as T;
}

/**
 * GETs a route and parses its JSON.
 *
 * @throws ApiError with the server's status, code and message; status 0 when the request
 *   failed before an answer (server down, or another origin not allowed by its CORS list).
 * @throws DOMException "AbortError" when `signal` aborted it.
 */
export async function getJson<T>(
  apiBase: string,
  route: string,
  params: Readonly<Record<string, string | number | null | undefined>>,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(apiUrl(apiBase, route, params), {
    signal,
    headers: { Accept: "application/json" },
  });
}

/**
 * Sends a write request (POST, DELETE) with {@link WRITE_HEADER}: `body` as JSON, or as
 * multipart/form-data when it is a FormData (the browser sets its boundary). Errors as
 * {@link getJson}.
 */
export async function sendJson<T>(
  apiBase: string,
  method: "POST" | "DELETE",
  route: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const form = body instanceof FormData;
  const headers: Record<string, string> = { Accept: "application/json", ...WRITE_HEADER };
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  return request<T>(apiUrl(apiBase, route), {
    method,
    signal,
    headers,
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
}

/** True for the error an aborted request throws (to be ignored, not shown). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
