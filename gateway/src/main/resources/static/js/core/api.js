// API calls through the gateway with the user's bearer token; a 401 anywhere means the session ended.

import { ctx } from './context.js';

let onUnauthorized = () => {};

/** What to do when the token is refused (main.js: drop it and show the sign-in button). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** A failed call: the HTTP status and the Problem Details body (RFC 9457) when the service sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }

  /** The problem's field errors ({field, rule, message}), or none. */
  get fieldErrors() {
    return this.problem && Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export const isUnauthorized = (e) => e instanceof ApiError && e.status === 401;

export async function api(path, options) {
  const opts = Object.assign({}, options);
  opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers, { Authorization: 'Bearer ' + ctx.token });
  const response = await fetch(path, opts);
  if (response.status === 401) {
    onUnauthorized();
    throw new ApiError(401, null);
  }
  return response;
}

/** The JSON body of a response, or null when it has none. */
export async function jsonOf(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

export async function apiJson(path, options) {
  const response = await api(path, options);
  const body = await jsonOf(response);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** A JSON call that also returns the ETag (If-Match of the next change). */
export async function apiCall(path, options) {
  const response = await api(path, options);
  const body = await jsonOf(response);
  if (!response.ok) throw new ApiError(response.status, body);
  return { body, etag: response.headers.get('ETag'), status: response.status };
}

export function describeError(error) {
  if (!(error instanceof ApiError)) return 'Không kết nối được máy chủ, vui lòng thử lại.';
  switch (error.status) {
    case 401: return 'Phiên đăng nhập đã hết hạn.';
    case 403: return 'Bạn không có quyền thực hiện thao tác này với đơn vị đã chọn.';
    case 404: return 'Không tìm thấy dữ liệu.';
    case 429: return 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.';
    case 503: return 'Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.';
    default: return 'Có lỗi xảy ra (' + error.status + '): ' + error.message;
  }
}
