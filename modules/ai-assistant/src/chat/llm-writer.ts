import { languageName } from './language-names';
import type { ChatProvider } from './providers';

/** What another module asks a model to write: a task, the facts to use and nothing else, and the reader's language. */
export interface WritingBrief {
  task: string;
  facts: string[];
  language: string;
}

/** Writes short texts for staff from facts a module gives; other modules receive it through the assistant's port. */
export interface Writer {
  write(brief: WritingBrief): Promise<string>;
}

/** The writer on the assistant's model: the facts as a list, an answer in plain text using only them. */
export function llmWriter(provider: ChatProvider, settings: { MODEL: string; MAX_TOKENS: number }): Writer {
  return {
    async write({ task, facts, language }) {
      const response = await provider.complete({
        model: settings.MODEL,
        system: `You write for the staff of a veterinary clinic, in ${languageName(language)}. ${task} Use only the facts given; do not add figures, names or advice they do not support. Plain text, no headings or lists.`,
        messages: [{ role: 'user', content: facts.map((f) => `- ${f}`).join('\n') }],
        tools: [],
        maxTokens: Math.min(settings.MAX_TOKENS, 600),
        temperature: 0.3,
      });
      const text = response.text.trim();
      if (!text) throw new Error('the model answered with no text');
      return text;
    },
  };
}
