import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { ruleGroupSchema } from './segments/rules';
import type { CrmServices } from './services';

/** AI tools for staff: find customers, count a segment (saved, or rules given on the spot). */
export function crmTools(s: CrmServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'crm_find_customers',
      description:
        'Staff: find customers (pet owners) by name, email or phone, tags and/or a saved segment (id or name). Returns up to 10 with tier, lifetime value in MXN, last visit and churn risk.',
      input: z.object({
        query: z.string().max(100).optional(),
        tags: z.array(z.string().max(50)).max(10).optional(),
        segment: z.string().max(200).optional(),
      }),
      permission: 'staff',
      handler: async (input, actor) => {
        const found = await s.customers.searchCustomers(actor, { ...input, pageSize: 10 });
        return { customers: found.items, more: found.hasNext };
      },
    }),
    defineTool({
      name: 'crm_count_segment',
      description:
        'Staff: how many customers a saved segment (by id or name) holds now, or how many a set of rules selects. Rules: {"match":"all"|"any","conditions":[{"field":"species","in":["dog"]},{"field":"daysSinceLastVisit","min":365},{"field":"vaccineOverdue","value":true},{"field":"spend","periodDays":365,"min":"5000"},{"field":"tier","in":["vip"]},{"field":"tag","has":"felinos"},{"field":"marketingConsent","value":true}, …]}.',
      input: z.object({ segmentId: z.number().int().positive().optional(), segmentName: z.string().max(200).optional(), rules: ruleGroupSchema.optional() }),
      permission: 'staff',
      handler: async ({ segmentId, segmentName, rules }, actor) => {
        if (rules) return s.segments.countRules(actor, rules);
        const { segment } = await s.segments.getSegment(actor, { segmentId, segmentName }, { pageSize: 1 });
        const counted = await s.segments.countRules(actor, ruleGroupSchema.parse(segment.rules));
        return { segment: segment.name, count: segment.isDynamic ? counted.count : segment.memberCount, durationMs: counted.durationMs };
      },
    }),
  ];
}
