/**
 * The browser side of the chat, served as /ai-assistant/chat.js (the CSP allows only this site's
 * scripts). It turns the chat's forms into streamed requests: the answer appears as it is written,
 * then its buttons and links. Without it, the same forms post and the page reloads.
 */
export const CHAT_JS = `(() => {
  const root = document.getElementById('chat');
  // htmx runs this script again when a boosted link brings the page back: bind each page once.
  if (!root || root.dataset.ready) return;
  root.dataset.ready = '1';
  const log = document.getElementById('chat-log');
  const stream = root.dataset.stream;
  const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') || root.dataset.csrf;
  let conversationId = root.dataset.conversation || '';
  let busy = false;
  const toEnd = () => { log.scrollTop = log.scrollHeight; };
  toEnd();
  const bubble = (role, text) => {
    const li = document.createElement('li');
    li.className = 'chat-bubble chat-' + role;
    const body = document.createElement('div');
    body.className = 'chat-text';
    body.textContent = text;
    li.append(body);
    log.append(li);
    toEnd();
    return li;
  };
  const choices = () => document.getElementById('chat-choices');
  const renderChoices = (buttons) => {
    const box = choices();
    box.replaceChildren(...buttons.map((b) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-secondary';
      button.textContent = b.label;
      button.addEventListener('click', () => send(b.label, b.value));
      return button;
    }));
  };
  const renderLinks = (li, links) => {
    if (!links.length) return;
    const ul = document.createElement('ul');
    ul.className = 'chat-links';
    for (const l of links) {
      const a = document.createElement('a');
      a.href = l.href;
      a.textContent = l.label;
      const item = document.createElement('li');
      item.append(a);
      ul.append(item);
    }
    li.append(ul);
  };
  async function send(message, action) {
    if (busy || !message.trim()) return;
    busy = true;
    root.setAttribute('aria-busy', 'true');
    bubble('user', message);
    choices().replaceChildren();
    const li = bubble('assistant', '');
    const text = li.querySelector('.chat-text');
    text.textContent = root.dataset.thinking;
    let first = true;
    try {
      const response = await fetch(stream, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ message, action: action || undefined, conversationId: conversationId || undefined }) });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\\n\\n')) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] || 'null');
          if (event === 'delta') { if (first) { text.textContent = ''; first = false; } text.textContent += data.text; toEnd(); }
          if (event === 'done') {
            // Server-rendered and escaped: the answer with its links as links.
            text.innerHTML = data.html;
            renderLinks(li, data.links);
            renderChoices(data.buttons);
            toEnd();
            conversationId = String(data.conversationId);
            for (const input of document.querySelectorAll('input[name=conversationId]')) input.value = conversationId;
          }
          if (event === 'error') text.textContent = data.message;
        }
      }
    } catch {
      text.textContent = root.dataset.failed;
    } finally {
      busy = false;
      root.removeAttribute('aria-busy');
    }
  }
  root.addEventListener('submit', (event) => {
    const form = event.target.closest('form.chat-send');
    if (!form) return;
    event.preventDefault();
    const data = new FormData(form);
    send(String(data.get('message') || ''), String(data.get('action') || ''));
    if (form.id === 'chat-compose') form.reset();
  });
})();
`;
