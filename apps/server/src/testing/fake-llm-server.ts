/**
 * A local fake LLM provider (node:http on 127.0.0.1, random port) speaking the real wire
 * protocols: OpenAI chat completions (`POST /v1/chat/completions`) and Anthropic messages
 * (`POST /v1/messages`). It records every request and can answer slowly or fail. Tests only.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedLlmRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type FakeLlmMode = 'ok' | 'slow' | 'error' | 'garbage';

export interface FakeLlmServer {
  readonly url: string;
  readonly requests: RecordedLlmRequest[];
  mode: FakeLlmMode;
  /** Text of the next answers. */
  answer: string;
  close(): Promise<void>;
}

export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const state = { mode: 'ok' as FakeLlmMode, answer: 'Fake answer citing segment 0.' };
  const requests: RecordedLlmRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (state.mode === 'error') return send(500, { error: { message: 'boom', type: 'server_error' } });
      if (state.mode === 'garbage') return send(200, { unexpected: true });
      const reply = () => {
        if (req.url === '/v1/chat/completions') {
          send(200, {
            id: 'chatcmpl-fake',
            object: 'chat.completion',
            created: 0,
            model: body.model,
            choices: [
              { index: 0, message: { role: 'assistant', content: state.answer }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          });
        } else if (req.url === '/v1/messages') {
          send(200, {
            id: 'msg_fake',
            type: 'message',
            role: 'assistant',
            model: body.model,
            content: [{ type: 'text', text: state.answer }],
            stop_reason: 'end_turn',
            usage: { input_tokens: 1, output_tokens: 1 },
          });
        } else {
          send(404, { error: 'not found' });
        }
      };
      if (state.mode === 'slow') setTimeout(reply, 2_000).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    get answer() {
      return state.answer;
    },
    set answer(a) {
      state.answer = a;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
