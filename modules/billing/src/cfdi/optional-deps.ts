/**
 * xmllint-wasm (XSD) and qrcode (PDF QR) are loaded on first use: the WASM and its worker only cost
 * something when a CFDI is validated, and a missing package fails with a message that says what to add.
 */
export class MissingDependencyError extends Error {
  readonly code = 'billing.cfdi_dependency_missing';
  constructor(packageName: string, purpose: string) {
    super(`${purpose} needs the npm package "${packageName}": add it to @petfriendly/billing's dependencies.`);
    this.name = 'MissingDependencyError';
  }
}

export async function importOptional<T>(packageName: string, purpose: string): Promise<T> {
  try {
    // A variable specifier keeps TypeScript and bundlers from requiring the package at build time.
    const specifier = packageName;
    return (await import(specifier)) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)|Failed to load url/i.test(String(error))) {
      throw new MissingDependencyError(packageName, purpose);
    }
    throw error;
  }
}
