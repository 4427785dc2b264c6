// Sign-in: authorization code + PKCE (S256) against the gateway's authorization server. The short-lived access token
// (10 min) and its refresh token live in sessionStorage (this tab only); the access token is renewed a minute before
// it expires with the refresh token, which is rotated on every use. Sign-out revokes the refresh token (the gateway
// then also refuses the access token) and ends the gateway's sign-in session.

const CLIENT_ID = 'cchc-web';
const SCOPE = 'openid profile';
export const CALLBACK_PATH = '/ui/callback';
const TOKEN_KEY = 'cchc.token';
const PKCE_KEY = 'cchc.pkce';

function base64Url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

export function decodeJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return null;
  }
}

function redirectUri() {
  return window.location.origin + CALLBACK_PATH;
}

export async function login() {
  const verifier = randomString(48);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const oauthState = randomString(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: oauthState }));
  const params = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, scope: SCOPE, redirect_uri: redirectUri(),
    state: oauthState, code_challenge: challenge, code_challenge_method: 'S256'
  });
  window.location.assign('/oauth2/authorize?' + params.toString());
}

export async function handleCallback() {
  const params = new URLSearchParams(window.location.search);
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  window.history.replaceState(null, '', '/');
  if (params.get('error')) {
    throw new Error('Đăng nhập không thành công: ' + (params.get('error_description') || params.get('error')));
  }
  if (!saved || !params.get('code') || params.get('state') !== saved.state) {
    throw new Error('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại.');
  }
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: CLIENT_ID, code: params.get('code'),
      redirect_uri: redirectUri(), code_verifier: saved.verifier
    })
  });
  if (!response.ok) {
    throw new Error('Không lấy được mã truy cập (lỗi ' + response.status + '), vui lòng đăng nhập lại.');
  }
  storeToken(await response.json());
}

function storeToken(body) {
  const expiresAt = Date.now() + (Number(body.expires_in) || 600) * 1000;
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({
    accessToken: body.access_token, refreshToken: body.refresh_token || null, expiresAt
  }));
}

function saved() {
  return JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
}

/** The access token when it is good for at least 30 s more, else null (see refresh()). */
export function loadToken() {
  const token = saved();
  if (!token || !token.accessToken || token.expiresAt <= Date.now() + 30000) {
    return null;
  }
  return token.accessToken;
}

let refreshing = null;

/**
 * A new access token for the refresh token (which is replaced by the new one the server sends), or null when there is
 * none or the server refuses it (expired, revoked, used already): then the user must sign in again.
 */
export function refresh() {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function doRefresh() {
  const token = saved();
  if (!token || !token.refreshToken) return null;
  try {
    const response = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: token.refreshToken })
    });
    if (!response.ok) {
      forgetToken();
      return null;
    }
    storeToken(await response.json());
    return loadToken();
  } catch (e) {
    return null; // offline for a moment: the current token stays until it expires
  }
}

let timer = null;

/** Renews the access token a minute before it expires, for as long as the tab is open; onToken gets each new one. */
export function keepFresh(onToken) {
  clearTimeout(timer);
  const token = saved();
  if (!token || !token.refreshToken) return;
  const wait = Math.max(5000, token.expiresAt - Date.now() - 60000);
  timer = setTimeout(async () => {
    const fresh = await refresh();
    if (fresh) {
      onToken(fresh);
      keepFresh(onToken);
    }
  }, wait);
}

export function forgetToken() {
  clearTimeout(timer);
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Revokes the refresh token at the gateway (which then refuses the access token too); errors do not stop sign-out. */
async function revoke() {
  const token = saved();
  if (!token || !token.refreshToken) return;
  try {
    await fetch('/oauth2/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: token.refreshToken, token_type_hint: 'refresh_token', client_id: CLIENT_ID })
    });
  } catch (e) {
    // the refresh token is forgotten here anyway and expires on its own
  }
}

/**
 * Forgets the token here and ends the sign-in session at the gateway (POST /logout with the CSRF token of the
 * session), so the next person on this browser must type a password. fetch, not a form: the page is served with
 * Referrer-Policy no-referrer, under which a form POST carries "Origin: null" and the gateway refuses it.
 */
export async function logout() {
  await revoke();
  forgetToken();
  try {
    const page = await fetch('/login', { credentials: 'same-origin', cache: 'no-store' });
    const match = /name="([^"]+)" value="([^"]+)"/.exec(await page.text());
    if (match) {
      await fetch('/logout', {
        method: 'POST', credentials: 'same-origin', redirect: 'manual', referrerPolicy: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ [match[1]]: match[2] })
      });
    }
  } catch (e) {
    // the token is gone already; the sign-in page comes next either way
  }
  window.location.assign('/login?logout');
}
