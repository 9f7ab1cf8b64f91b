/**
 * The browser side of the card payment page, served as /billing/pay.js (the CSP allows scripts from
 * this site and js.stripe.com only, so it cannot be inline). It mounts Stripe's Payment Element with
 * the PaymentIntent's client secret and confirms it; Stripe then returns the owner to the invoice, and
 * the webhook records the payment. Everything it needs comes from data attributes on #stripe-pay.
 */
export const STRIPE_PAY_JS = `(() => {
  const root = document.getElementById('stripe-pay');
  if (!root) return;
  const d = root.dataset;
  const form = document.getElementById('payment-form');
  const button = form.querySelector('button[type=submit]');
  const message = document.getElementById('payment-message');
  const say = (text) => { message.textContent = text; message.hidden = false; };
  if (!window.Stripe) { say(d.unavailable); button.disabled = true; return; }
  const stripe = window.Stripe(d.key, { locale: d.locale });
  const elements = stripe.elements({ clientSecret: d.secret, appearance: { theme: 'stripe', variables: { colorPrimary: '#0f766e', borderRadius: '10px', fontFamily: 'system-ui, sans-serif' } } });
  const payment = elements.create('payment', { layout: 'tabs' });
  payment.mount('#payment-element');
  payment.on('ready', () => { button.disabled = false; });
  const label = button.textContent;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    button.disabled = true;
    button.textContent = d.processing;
    const { error } = await stripe.confirmPayment({ elements, confirmParams: { return_url: d.returnUrl } });
    // Reached only when the payment cannot go ahead (declined card, missing data); otherwise Stripe redirects.
    say(error && (error.type === 'card_error' || error.type === 'validation_error') ? error.message : d.failed);
    button.disabled = false;
    button.textContent = label;
  });
})();
`;
