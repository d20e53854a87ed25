/**
 * Minimal chat clients for the two wire protocols the config can name, over global fetch with a
 * hard timeout: OpenAI-compatible chat completions (`openai`, and `groq`, which speaks the same
 * protocol) and the Anthropic Messages API. The system prompt and the user's text are always
 * separate messages. No SDKs: two small JSON requests do not justify the dependencies.
 *
 * References: https://platform.openai.com/docs/api-reference/chat/create,
 * https://docs.anthropic.com/en/api/messages
 */
import type { Config } from '../config/index.js';
import { AppError } from '../errors/app-error.js';

export type LlmProvider = 'openai' | 'groq' | 'anthropic';

export interface LlmRequest {
  system: string;
  user: string;
}

export interface LlmClientOptions {
  /** Injected for tests of the transport only; defaults to global fetch. */
  fetch?: typeof fetch;
}

const DEFAULT_BASE_URLS: Record<LlmProvider, string> = {
  openai: 'https://api.openai.com/v1',
  groq: 'https://api.groq.com/openai/v1',
  anthropic: 'https://api.anthropic.com',
};

export const ANTHROPIC_VERSION = '2023-06-01';

/** The configured provider when it can be called (a key, or an explicit base URL), else null. */
export function configuredProvider(ai: Config['ai']): LlmProvider | null {
  if (ai.provider === 'none') return null;
  if (ai.apiKey === null && ai.baseUrl === null) return null;
  return ai.provider;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

const failure = (provider: LlmProvider, reason: string, cause?: unknown) =>
  new AppError('LLM_REQUEST_FAILED', 'unavailable', `The ${provider} provider did not answer: ${reason}`, {
    details: { provider, reason },
    ...(cause === undefined ? {} : { cause }),
  });

/**
 * One completion. @throws AppError LLM_REQUEST_FAILED (timeout, network, non-2xx status, or an
 * answer without text).
 */
export async function completeChat(
  ai: Config['ai'],
  provider: LlmProvider,
  request: LlmRequest,
  options: LlmClientOptions = {},
): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const base = trimSlash(ai.baseUrl ?? DEFAULT_BASE_URLS[provider]);
  const anthropic = provider === 'anthropic';
  const url = anthropic ? `${base}/v1/messages` : `${base}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (anthropic) {
    headers['anthropic-version'] = ANTHROPIC_VERSION;
    if (ai.apiKey !== null) headers['x-api-key'] = ai.apiKey;
  } else if (ai.apiKey !== null) {
    headers.authorization = `Bearer ${ai.apiKey}`;
  }
  const body = anthropic
    ? {
        model: ai.model,
        max_tokens: ai.maxTokens,
        temperature: ai.temperature,
        system: request.system,
        messages: [{ role: 'user', content: request.user }],
      }
    : {
        model: ai.model,
        max_tokens: ai.maxTokens,
        temperature: ai.temperature,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
      };

  let response: Response;
  let json: unknown;
  try {
    // One signal covers the connection and reading the body.
    const signal = AbortSignal.timeout(ai.timeoutMs);
    response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
    json = await response.json().catch(() => null);
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw failure(provider, timedOut ? `no answer within ${ai.timeoutMs} ms` : 'network error', e);
  }
  if (!response.ok) throw failure(provider, `HTTP ${response.status}`);
  const text = anthropic ? anthropicText(json) : openAiText(json);
  if (!text) throw failure(provider, 'the answer had no text');
  return text;
}

function openAiText(json: unknown): string {
  const choices = (json as { choices?: { message?: { content?: unknown } }[] } | null)?.choices;
  const content = choices?.[0]?.message?.content;
  return typeof content === 'string' ? content.trim() : '';
}

function anthropicText(json: unknown): string {
  const content = (json as { content?: { type?: string; text?: unknown }[] } | null)?.content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((c) => c.type === 'text' && typeof c.text === 'string')
    .map((c) => c.text as string)
    .join('')
    .trim();
}
