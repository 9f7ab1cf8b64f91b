import { z } from 'zod';

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);
const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/**
 * The spec's `AI_ASSISTANT` block. Without an `API_KEY` (or with `PROVIDER=local`) the chat runs in
 * guided mode: FAQ answers and button-led tasks, no model. `BASE_URL` points an OpenAI-compatible
 * provider at another server (a self-hosted model); `MAX_TOOL_STEPS` bounds the tool loop.
 */
export const aiAssistantSettings = z.object({
  PROVIDER: z.enum(['openrouter', 'openai', 'anthropic', 'local']).default('openrouter'),
  MODEL: z.string().trim().min(1).default('anthropic/claude-3-sonnet'),
  API_KEY: z.preprocess(emptyToNull, z.string().min(1).nullable()).default(null),
  BASE_URL: z.preprocess(emptyToNull, z.string().url().nullable()).default(null),
  MAX_TOKENS: z.coerce.number().int().min(1).max(200_000).default(4096),
  TEMPERATURE: z.coerce.number().min(0).max(2).default(0.7),
  MAX_TOOL_STEPS: z.coerce.number().int().min(1).max(20).default(6),
  KNOWLEDGE_BASE_ENABLED: bool.default(true),
  /** Whether the assistant answers WhatsApp messages (off: they wait in the inbox for staff). */
  WHATSAPP_ENABLED: bool.default(true),
  CONVERSATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24),
});
export type AiAssistantSettings = z.infer<typeof aiAssistantSettings>;
