import { timingSafeEqual } from 'node:crypto';
import { ProviderError } from './types';

export interface ProviderResponse {
  status: number;
  body: unknown;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Sends a request to a provider API; a network failure or timeout becomes a retryable ProviderError. */
export async function requestProvider(provider: string, url: string, init: RequestInit): Promise<ProviderResponse> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    return { status: response.status, body: parseJsonOrText(text) };
  } catch (error) {
    throw new ProviderError(`${provider}: request failed: ${(error as Error).message}`, true);
  }
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
