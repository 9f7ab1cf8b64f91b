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
