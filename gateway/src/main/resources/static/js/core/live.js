// Live updates: the reporting service's server-sent events, read with fetch + a stream reader (EventSource cannot
// send the bearer header), reopened with back-off (2 s … 30 s) when the stream ends.

import { api } from './api.js';
import { $ } from './dom.js';

let current = null;

/** Opens the stream of a unit (closing the previous one); {@code onEvent({name, data})} gets each event. */
export function startStream(unitId, onEvent) {
  stopStream();
  const controller = new AbortController();
  current = controller;
  consumeStream(unitId, controller, 0, onEvent);
}

export function stopStream() {
  if (current) current.abort();
  current = null;
}

function setLive(text, ok) {
  const box = $('live-indicator');
  box.textContent = text;
  box.classList.toggle('ok', Boolean(ok));
}

async function consumeStream(unitId, controller, failures, onEvent) {
  let received = false;
  try {
    // a 401 ends the session (api's handler stops this stream)
    const response = await api('/api/reports/stream?unitId=' + encodeURIComponent(unitId), {
      headers: { Accept: 'text/event-stream' }, signal: controller.signal, cache: 'no-store'
    });
    if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
    setLive('Đang cập nhật trực tiếp', true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseEvent(block);
        if (event) {
          received = true;
          onEvent(event);
        }
      }
    }
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  if (controller.signal.aborted || current !== controller) return;
  const next = received ? 0 : failures + 1;
  const delay = Math.min(30000, 2000 * Math.pow(2, Math.min(next, 4)));
  setLive('Mất kết nối cập nhật trực tiếp, đang thử lại…', false);
  setTimeout(() => {
    if (current === controller && !controller.signal.aborted) consumeStream(unitId, controller, next, onEvent);
  }, delay);
}

/** One block of the text/event-stream format; comments (heartbeats, ":") are skipped. */
export function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return data.length || name !== 'message' ? { name, data: data.join('\n') } : null;
}
