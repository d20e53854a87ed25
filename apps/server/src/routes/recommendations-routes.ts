/**
 * Natural-language recommendations (original endpoint 5), `analyst`. Grounded in the tenant's
 * active segmentation run; answered by the configured LLM (`ai.provider`: openai/groq
 * chat-completions or anthropic messages, with `ai.timeout_ms`) or, without one or when it fails,
 * deterministically from the same facts — `source` says which. Snake_case JSON as the original.
 */
import { naturalRecommendation } from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { defineRouteGroup, securityFor } from './route-group.js';

export const recommendationsRoutes = defineRouteGroup({
  tag: 'recommendations',
  description: "Answers to questions about the tenant's customer segments (LLM or rule-based)",
  register(app, deps) {
    app.post(
      '/recommendations/natural',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Ask a question about your customer segments',
          description:
            'The question is cut to 500 characters and prompt-injection phrases are removed (an empty result gets a fixed answer); it is sent to the model as its own user message. 404 SEGMENTATION_NOT_RUN without an active segmentation run.',
          security: securityFor('analyst'),
          body: z.object({
            query: z.string().max(10_000).meta({ example: 'What are the best segments for upselling?' }),
          }),
          response: {
            200: z.object({
              recommendation: z.string(),
              source: z.enum(['llm', 'rule_based']),
              provider: z.enum(['openai', 'groq', 'anthropic']).optional(),
              facts: z.array(z.string()).describe('The grounding: sentences computed from the tenant data'),
            }),
            ...errorResponses('analyst', true, [404]),
          },
        },
      },
      async (request) =>
        naturalRecommendation(deps.db, deps.config, principalOf(request), request.body.query, {
          onFallback: (reason) => request.log.warn({ reason }, 'LLM provider failed; rule-based answer'),
        }),
    );
  },
});
