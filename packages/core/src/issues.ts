import type { core } from 'zod';
import type { FieldIssue } from './errors';

type Issue = core.$ZodIssue;

/**
 * Zod's built-in messages, normalised to a few English templates that translate well
 * ("is required", "must be at most {{maximum}} characters"). Messages a schema sets itself are kept.
 */
export function issueTemplate(issue: Issue): { key: string; params: Record<string, string | number> } | null {
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === null ? 'is required' : 'has the wrong type', params: {} };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { key: 'is required', params: {} }
          : { key: 'must be at least {{minimum}} characters', params: { minimum: Number(issue.minimum) } };
      if (issue.origin === 'array') return { key: 'needs at least {{minimum}} items', params: { minimum: Number(issue.minimum) } };
      return { key: 'must be at least {{minimum}}', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'must be at most {{maximum}} characters', params: { maximum: Number(issue.maximum) } };
      if (issue.origin === 'array') return { key: 'accepts at most {{maximum}} items', params: { maximum: Number(issue.maximum) } };
      return { key: 'must be at most {{maximum}}', params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'must be one of: {{options}}', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'must be a valid email address', params: {} };
      if (issue.format === 'date') return { key: 'must be a date (YYYY-MM-DD)', params: {} };
      return { key: 'has an invalid format', params: {} };
    default:
      return null;
  }
}

export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The per-parse error map: built-in issues get the templates (a schema's own message still wins). */
export function templateErrorMap(issue: Issue): string | undefined {
  const template = issueTemplate(issue);
  return template ? interpolate(template.key, template.params) : undefined;
}

export function describeIssue(issue: Issue): FieldIssue {
  const field = issue.path.map(String).join('.') || '(input)';
  const template = issueTemplate(issue);
  if (template && issue.message === interpolate(template.key, template.params))
    return { field, message: issue.message, key: template.key, params: template.params };
  return { field, message: issue.message, key: issue.message };
}
