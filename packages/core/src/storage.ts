import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Where pet photos, attachments and PDFs live. Local disk by default; an S3 adapter implements the same. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Every stored key (backups walk them). */
  list(): Promise<string[]>;
}

export function localFileStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    const safe = normalize(key).replace(/^(\.\.(\/|\\|$))+/, '');
    if (safe.startsWith('/') || safe.includes('..')) throw new Error(`Bad storage key ${key}`);
    return join(root, safe);
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async list() {
      try {
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}

/** In-memory storage for tests. */
export function memoryFileStorage(): FileStorage & { keys(): string[] } {
  const files = new Map<string, Uint8Array>();
  return {
    put: async (key, bytes) => void files.set(key, bytes),
    get: async (key) => files.get(key) ?? null,
    delete: async (key) => void files.delete(key),
    list: async () => [...files.keys()],
    keys: () => [...files.keys()],
  };
}
