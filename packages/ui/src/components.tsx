import type { Formatters } from '@petfriendly/core';
import { type Child, createContext, useContext } from 'hono/jsx';
import { Icon, type IconName } from './icons';
import type { PageContext } from './layout';

/** The reader's date and time formatters, for components that are not handed the page context. */
export const PageFormat = createContext<Formatters | null>(null);

/** Dates and times as the page's reader reads them; components using it render inside `Layout`. */
export function useFormat(): Formatters {
  const fmt = useContext(PageFormat);
  if (!fmt) throw new Error('useFormat() outside a Layout: pass the page context’s fmt instead');
  return fmt;
}

/** The ids given out on the page being rendered (the Layout provides one per page). */
export const PageIds = createContext<Set<string> | null>(null);

/**
 * A control's id: `f-NAME`, or `f-NAME-2`, `f-NAME-3`… when another form on the same page already has
 * a control of that name (the chart and the message templates show many forms), so labels point at
 * their own input and ids stay unique.
 */
function useFieldId(name: string): string {
  const taken = useContext(PageIds);
  const base = `f-${name}`;
  let id = base;
  for (let n = 2; taken?.has(id); n++) id = `${base}-${n}`;
  taken?.add(id);
  return id;
}

export interface FieldErrors {
  [field: string]: string | undefined;
}

type InputType = 'text' | 'email' | 'password' | 'date' | 'time' | 'month' | 'datetime-local' | 'number' | 'tel' | 'file' | 'search';

/** A labelled form control with its error shown next to it. */
export function Field(props: {
  name: string;
  label: string;
  type?: InputType;
  value?: string | number | null;
  errors?: FieldErrors;
  required?: boolean;
  step?: string;
  min?: string;
  max?: string;
  accept?: string;
  hint?: string;
  autocomplete?: string;
  placeholder?: string;
}) {
  const error = props.errors?.[props.name];
  const id = useFieldId(props.name);
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' || props.type === 'file' ? undefined : (props.value ?? undefined)?.toString()}
        required={props.required}
        step={props.step}
        min={props.min}
        max={props.max}
        accept={props.accept}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {props.hint && !error ? <small class="hint">{props.hint}</small> : null}
      {error ? (
        <small class="error" id={`${id}-error`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function TextArea(props: { name: string; label: string; value?: string | null; errors?: FieldErrors; rows?: number; required?: boolean }) {
  const error = props.errors?.[props.name];
  const id = useFieldId(props.name);
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.value ?? ''}
      </textarea>
      {error ? (
        <small class="error" id={`${id}-error`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function Select(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  errors?: FieldErrors;
  required?: boolean;
}) {
  const error = props.errors?.[props.name];
  const id = useFieldId(props.name);
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <small class="error" id={`${id}-error`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked?: boolean }) {
  return (
    <label class="checkbox">
      <input type="checkbox" name={props.name} value="true" checked={props.checked} /> {props.label}
    </label>
  );
}

/** A form that carries the CSRF token. */
export function Form(props: { ctx: PageContext; action: string; children?: Child; multipart?: boolean; class?: string; id?: string }) {
  return (
    <form method="post" action={props.action} enctype={props.multipart ? 'multipart/form-data' : undefined} class={props.class ?? 'stack'} id={props.id}>
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {props.children}
    </form>
  );
}

export function FormErrorSummary({ message }: { message?: string }) {
  return message ? (
    <div class="flash flash-error" role="alert">
      {message}
    </div>
  ) : null;
}

export function Card(props: { title?: string; icon?: IconName; children?: Child; actions?: Child; class?: string }) {
  return (
    <section class={`card ${props.class ?? ''}`}>
      {props.title || props.actions ? (
        <header class="card-head">
          {props.title ? (
            <h2>
              {props.icon ? <Icon name={props.icon} /> : null} {props.title}
            </h2>
          ) : null}
          {props.actions ? <div class="card-actions">{props.actions}</div> : null}
        </header>
      ) : null}
      {props.children}
    </section>
  );
}

export function Badge(props: { tone?: 'ok' | 'warn' | 'danger' | 'muted' | 'info'; children?: Child }) {
  return <span class={`badge badge-${props.tone ?? 'muted'}`}>{props.children}</span>;
}

export function Empty(props: { children?: Child }) {
  return <p class="empty">{props.children}</p>;
}

/** Previous/next links for a paginated list. */
export function Pager(props: { ctx: PageContext; page: number; hasNext: boolean; href: (page: number) => string }) {
  if (props.page <= 1 && !props.hasNext) return null;
  return (
    <nav class="pager" aria-label={props.ctx.t('ui:pager.label')}>
      {props.page > 1 ? <a href={props.href(props.page - 1)}>← {props.ctx.t('ui:pager.previous')}</a> : <span />}
      <span>{props.ctx.t('ui:pager.page', { page: props.page })}</span>
      {props.hasNext ? <a href={props.href(props.page + 1)}>{props.ctx.t('ui:pager.next')} →</a> : <span />}
    </nav>
  );
}

/** A wide table's frame that scrolls sideways on a phone; focusable so a keyboard can scroll it too. */
export function ScrollRegion(props: { label: string; children?: Child }) {
  return (
    <div class="scroll-x" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
