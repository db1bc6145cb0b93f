// Reads a text/event-stream body as the HTML standard's EventSource does, for a stream opened
// with `fetch` (the only way to send the access token: EventSource cannot set headers).
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation

export interface ServerSentEvent {
  /** `message` when the event has no `event:` field. */
  type: string;
  data: string;
  /** The stream's last event id so far: what a reconnection sends back as Last-Event-ID. */
  lastEventId: string;
}

export interface SseParser {
  /** Feeds the next decoded piece of the body; pieces may cut lines anywhere. */
  push(text: string): void;
  /** The last `id:` of a complete block, even one without data (as EventSource keeps it). */
  lastEventId(): string;
}

export interface SseHandlers {
  event(event: ServerSentEvent): void;
  /** A `retry:` field: the reconnection delay the server asks for, in milliseconds. */
  retry?(milliseconds: number): void;
}

export function createSseParser(handlers: SseHandlers, lastEventId = ''): SseParser {
  let buffer = '';
  let data = '';
  let type = '';
  let id = lastEventId;
  let dispatchedId = lastEventId;
  // A piece ending in CR may be the first half of a CRLF: skip an LF starting the next piece.
  let afterCr = false;

  function dispatch(): void {
    dispatchedId = id;
    // A block without data (e.g. only an `id:`) updates the id but fires nothing.
    if (data !== '') {
      handlers.event({ type: type || 'message', data: data.slice(0, -1), lastEventId: id });
    }
    data = '';
    type = '';
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return; // a comment: the server's heartbeat
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data += `${value}\n`;
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.retry?.(Number(value));
  }

  return {
    push(text) {
      if (afterCr && text.startsWith('\n')) text = text.slice(1);
      afterCr = text.endsWith('\r');
      buffer += text;
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last part has no line end yet (or is '' after one): keep it for the next piece.
      buffer = lines.pop() ?? '';
      for (const text of lines) line(text);
    },
    lastEventId: () => dispatchedId,
  };
}
