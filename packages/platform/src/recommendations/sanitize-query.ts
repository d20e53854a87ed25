/**
 * The original's query sanitiser (seed-system §3.6), kept exactly: truncate to 500 characters,
 * remove case-insensitive prompt-injection phrases, trim. An empty result gets a fixed answer.
 * This is a speed bump, not the defence: the defence is that the user text is sent as its own
 * user message and never spliced into the system prompt.
 */

export const MAX_QUERY_CHARS = 500;

/** The fixed answer for an empty (or entirely stripped) query. */
export const EMPTY_QUERY_ANSWER = 'Please provide a valid question about your customer data.';

/** The original's phrases (Python `re`, IGNORECASE), one regular expression each. */
export const INJECTION_PATTERNS: readonly RegExp[] = [
  /ignore\s+(all\s+)?previous\s+instructions?/gi,
  /disregard\s+(all\s+)?previous/gi,
  /forget\s+(all\s+)?previous/gi,
  /you\s+are\s+now/gi,
  /new\s+instructions?/gi,
  /system\s*:/gi,
  /\[INST\]/gi,
  /\[\/INST\]/gi,
  /<\|im_start\|>/gi,
  /<\|im_end\|>/gi,
];

export function sanitizeQuery(query: string): string {
  let text = query.slice(0, MAX_QUERY_CHARS);
  for (const pattern of INJECTION_PATTERNS) text = text.replace(pattern, '');
  return text.trim();
}
