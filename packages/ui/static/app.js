// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  if (token) event.detail.headers['x-csrf-token'] = token;
});

// No inline handlers (the CSP forbids them): a control marked data-autosubmit sends its form when it
// changes (the language, the delivery method), and a button with data-confirm asks its question first.
document.addEventListener('change', (event) => {
  const control = event.target instanceof Element ? event.target.closest('[data-autosubmit]') : null;
  if (control?.form) control.form.requestSubmit();
});
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
  if (button && !window.confirm(button.getAttribute('data-confirm'))) event.preventDefault();
});

// A signature pad: a canvas marked data-signature="field" draws with a mouse, a pen or a finger (pointer
// events; CSS turns off scrolling on it). On submit the drawing goes into the hidden field it names; an
// empty pad stops the form and shows the pad's message. A button marked data-signature-clear wipes it.
(() => {
  let pad = null;
  let last = null;
  const at = (canvas, event) => {
    const box = canvas.getBoundingClientRect();
    return [((event.clientX - box.left) * canvas.width) / box.width, ((event.clientY - box.top) * canvas.height) / box.height];
  };
  document.addEventListener('pointerdown', (event) => {
    const canvas = event.target instanceof Element ? event.target.closest('canvas[data-signature]') : null;
    if (!canvas) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    pad = canvas;
    last = at(canvas, event);
  });
  document.addEventListener('pointermove', (event) => {
    if (!pad) return;
    const point = at(pad, event);
    const pen = pad.getContext('2d');
    pen.lineWidth = 6;
    pen.lineCap = 'round';
    pen.strokeStyle = '#111827';
    pen.beginPath();
    pen.moveTo(last[0], last[1]);
    pen.lineTo(point[0], point[1]);
    pen.stroke();
    last = point;
    pad.dataset.inked = 'true';
    pad.closest('form')?.querySelector('[data-signature-empty]')?.setAttribute('hidden', '');
  });
  const lift = () => {
    pad = null;
  };
  document.addEventListener('pointerup', lift);
  document.addEventListener('pointercancel', lift);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-signature-clear]') : null;
    const canvas = button?.closest('form')?.querySelector('canvas[data-signature]');
    if (!canvas) return;
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    delete canvas.dataset.inked;
  });
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      const canvas = form instanceof HTMLFormElement ? form.querySelector('canvas[data-signature]') : null;
      if (!canvas) return;
      if (canvas.dataset.inked !== 'true') {
        event.preventDefault();
        form.querySelector('[data-signature-empty]')?.removeAttribute('hidden');
        return;
      }
      form.elements.namedItem(canvas.dataset.signature).value = canvas.toDataURL('image/png');
    },
    true,
  );
})();
