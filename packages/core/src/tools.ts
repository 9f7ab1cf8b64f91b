import { z } from 'zod';
import { type Actor, hasPermission, type PermissionLevel } from './actor';
import { isServiceError, PermissionDeniedError, ServiceError, ValidationError } from './errors';

/** One AI tool: an adapter that parses input, calls one service method as the caller, and shapes the output. */
export interface ToolDefinition<I = any, O = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  permission: PermissionLevel;
  handler: (input: I, actor: Actor) => Promise<O>;
}

export function defineTool<S extends z.ZodType, O>(tool: {
  name: string;
  description: string;
  input: S;
  permission: PermissionLevel;
  handler: (input: z.infer<S>, actor: Actor) => Promise<O>;
}): ToolDefinition<z.infer<S>, O> {
  return tool as ToolDefinition<z.infer<S>, O>;
}

/** The OpenAI function-calling shape offered to a model. */
export interface ToolSchema {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export type ToolResult =
  | { ok: true; tool: string; data: unknown }
  | { ok: false; tool: string; error: { code: string; message: string; details?: Record<string, unknown>; fields?: { field: string; message: string }[] } };

/** The spec's ToolRegistry: every module registers here; every call checks the caller's permission and validates input. */
export class ToolRegistry {
  private readonly tools = new Map<string, ToolDefinition>();

  register(tool: ToolDefinition): void {
    if (this.tools.has(tool.name)) throw new Error(`AI tool ${tool.name} is registered twice`);
    this.tools.set(tool.name, tool);
  }

  get(name: string): ToolDefinition | undefined {
    return this.tools.get(name);
  }

  list(): ToolDefinition[] {
    return [...this.tools.values()];
  }

  /** `get_tools_for_user`: only the tools this caller may run. */
  getToolsForUser(actor: Actor): ToolSchema[] {
    return this.list()
      .filter((tool) => hasPermission(actor, tool.permission))
      .map((tool) => ({
        type: 'function',
        function: { name: tool.name, description: tool.description, parameters: toParameters(tool.input) },
      }));
  }

  /** `execute_tool`: never throws for expected failures; errors come back for the model to read. */
  async executeTool(name: string, params: unknown, actor: Actor): Promise<ToolResult> {
    const tool = this.tools.get(name);
    try {
      if (!tool) throw new ServiceError('tools.unknown_tool', `There is no tool named ${name}.`);
      if (!hasPermission(actor, tool.permission)) {
        throw new PermissionDeniedError('tools.not_allowed', `The tool ${name} is not available to you.`);
      }
      const parsed = tool.input.safeParse(params ?? {});
      if (!parsed.success) throw ValidationError.fromZod(parsed.error);
      return { ok: true, tool: name, data: await tool.handler(parsed.data, actor) };
    } catch (error) {
      if (!isServiceError(error)) throw error;
      const fields = error instanceof ValidationError ? error.fields : undefined;
      return {
        ok: false,
        tool: name,
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}), ...(fields ? { fields } : {}) },
      };
    }
  }
}

function toParameters(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
