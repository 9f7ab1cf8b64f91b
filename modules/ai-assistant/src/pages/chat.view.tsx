import type { PageContext } from '@petfriendly/ui';
import type { ChatButton, ChatLink } from '../chat/chat.types';
import { splitLinks } from './chat-links';

export interface Bubble {
  role: 'user' | 'assistant';
  content: string;
  links: ChatLink[];
}

/** The conversation so far; the last answer's buttons sit under it. */
export function Transcript(props: { ctx: PageContext; bubbles: Bubble[] }) {
  const { t } = props.ctx;
  return (
    <ol class="chat-log" id="chat-log" aria-live="polite" tabindex={0}>
      {props.bubbles.map((b) => (
        <li class={`chat-bubble chat-${b.role}`}>
          <span class="sr-only">{b.role === 'user' ? t('ai-assistant:chat.you') : t('ai-assistant:chat.assistant')}: </span>
          <div class="chat-text">
            <AnswerText text={b.content} />
          </div>
          {b.links.length ? (
            <ul class="chat-links">
              {b.links.map((l) => (
                <li>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** An answer with the paths and links it mentions as links (a streamed answer gets the same HTML when it is done). */
export function AnswerText(props: { text: string }) {
  return (
    <>
      {splitLinks(props.text).map((part) =>
        'href' in part ? (
          <a href={part.href} {...(part.href.startsWith('https://') ? { rel: 'noopener', target: '_blank' } : {})}>
            {part.label}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** Each button is a tiny form, so the chat works without JavaScript; chat.js streams instead when it can. */
export function ChoiceButtons(props: { ctx: PageContext; action: string; conversationId: number | null; buttons: ChatButton[] }) {
  return (
    <div class="chat-choices" id="chat-choices">
      {props.buttons.map((b) => (
        <form method="post" action={props.action} class="chat-send chat-choice">
          <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
          {props.conversationId ? <input type="hidden" name="conversationId" value={String(props.conversationId)} /> : null}
          <input type="hidden" name="action" value={b.value} />
          <input type="hidden" name="message" value={b.label} />
          <button type="submit" class="btn-secondary">
            {b.label}
          </button>
        </form>
      ))}
    </div>
  );
}

export function MessageBox(props: { ctx: PageContext; action: string; conversationId: number | null }) {
  const { t } = props.ctx;
  return (
    <form method="post" action={props.action} class="chat-send chat-compose" id="chat-compose">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {props.conversationId ? <input type="hidden" name="conversationId" value={String(props.conversationId)} /> : null}
      <label for="chat-message" class="sr-only">
        {t('ai-assistant:chat.placeholder')}
      </label>
      <input id="chat-message" name="message" type="text" maxlength={2000} required autocomplete="off" placeholder={t('ai-assistant:chat.placeholder')} />
      <button type="submit">{t('ai-assistant:chat.send')}</button>
    </form>
  );
}
