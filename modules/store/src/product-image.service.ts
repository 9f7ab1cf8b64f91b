import { randomUUID } from 'node:crypto';
import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { StoreSettings } from './store.settings';
import { productImages, products } from './store.tables';

export type ProductImage = typeof productImages.$inferSelect;

/** What the bytes may be, by their real type (not the file name nor what the upload claims). */
const IMAGE_TYPES = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
]);
const CONTENT_TYPES = new Map([...IMAGE_TYPES].map(([mime, ext]) => [ext, mime]));

/** A stored image's file name: a fresh uuid and its extension. */
const FILE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$/;

const storageKey = (productId: number, file: string) => `store/products/${productId}/${file}`;

/** The public address of a stored product image (`/store/images/12/<uuid>.webp`); null for anything else. */
export function imageUrl(key: string | null | undefined): string | null {
  const match = key ? /^store\/products\/(\d+)\/([^/]+)$/.exec(key) : null;
  return match && FILE_NAME.test(match[2]!) ? `/store/images/${match[1]}/${match[2]}` : null;
}

const imageInputSchema = z.object({ altText: z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(200)) });

/** The error for a file over the size limit; the upload route raises it too when the transfer itself is cut off. */
export function imageTooLarge(settings: Pick<StoreSettings, 'IMAGE_MAX_BYTES'>): ValidationError {
  const mb = Math.round(settings.IMAGE_MAX_BYTES / 100_000) / 10;
  return ValidationError.forField('store.image_too_large', 'image', `The image is larger than ${mb} MB.`, { mb });
}

/** Product photos: managers add and arrange them; the shop serves those of active products. */
export function createProductImageService(ctx: ModuleContext, settings: StoreSettings) {
  const { db, storage } = ctx;

  async function productOf(productId: number) {
    const [product] = await db.select({ id: products.id, isActive: products.isActive }).from(products).where(eq(products.id, productId));
    if (!product) throw new NotFoundError('store.product_not_found', `Product ${productId} not found.`);
    return product;
  }

  async function imageOf(productId: number, imageId: number): Promise<ProductImage> {
    const [image] = await db
      .select()
      .from(productImages)
      .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)));
    if (!image) throw new NotFoundError('store.image_not_found', `Image ${imageId} of product ${productId} not found.`);
    return image;
  }

  /** The product's images, the primary first, then in their order. */
  async function listImages(actor: Actor, productId: number): Promise<(ProductImage & { url: string | null })[]> {
    requireStaff(actor);
    await productOf(productId);
    const rows = await db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(desc(productImages.isPrimary), asc(productImages.order), asc(productImages.id));
    return rows.map((r) => ({ ...r, url: imageUrl(r.image) }));
  }

  /**
   * Stores a JPEG, PNG or WebP image after checking what the bytes really are. The product's first
   * image becomes its primary one; later ones go after the others.
   */
  async function addImage(actor: Actor, productId: number, input: { bytes: Uint8Array; altText?: string }): Promise<ProductImage> {
    requireStaff(actor, ['manager', 'admin']);
    const { altText } = parseInput(imageInputSchema, { altText: input.altText });
    await productOf(productId);
    const bytes = input.bytes;
    if (!bytes || bytes.byteLength === 0) throw ValidationError.forField('store.image_missing', 'image', 'Choose an image to upload.');
    if (bytes.byteLength > settings.IMAGE_MAX_BYTES) throw imageTooLarge(settings);
    const type = await fileTypeFromBuffer(bytes);
    const extension = type && IMAGE_TYPES.get(type.mime);
    if (!extension) throw ValidationError.forField('store.image_type', 'image', 'The image must be a JPEG, PNG or WebP file.');

    const key = storageKey(productId, `${randomUUID()}.${extension}`);
    await storage.put(key, bytes);
    try {
      return await db.transaction(async (tx) => {
        // One upload at a time per product, so two first images cannot both become primary.
        await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
        const [state] = await tx
          .select({ count: sql<number>`count(*)`.mapWith(Number), lastOrder: sql<number>`coalesce(max(${productImages.order}), -1)`.mapWith(Number) })
          .from(productImages)
          .where(eq(productImages.productId, productId));
        const [row] = await tx
          .insert(productImages)
          .values({ productId, image: key, altText, order: state!.lastOrder + 1, isPrimary: state!.count === 0 })
          .returning();
        return row!;
      });
    } catch (error) {
      await storage.delete(key);
      throw error;
    }
  }

  /** Makes one image the product's primary (shown on cards and first on its page). */
  async function setPrimary(actor: Actor, productId: number, imageId: number): Promise<ProductImage> {
    requireStaff(actor, ['manager', 'admin']);
    await imageOf(productId, imageId);
    return db.transaction(async (tx) => {
      await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
      await tx
        .update(productImages)
        .set({ isPrimary: sql`${productImages.id} = ${imageId}` })
        .where(eq(productImages.productId, productId));
      const [row] = await tx.select().from(productImages).where(eq(productImages.id, imageId));
      return row!;
    });
  }

  /** Removes an image and its file; when it was the primary one, the next in order takes its place. */
  async function removeImage(actor: Actor, productId: number, imageId: number): Promise<void> {
    requireStaff(actor, ['manager', 'admin']);
    const image = await imageOf(productId, imageId);
    await db.transaction(async (tx) => {
      await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
      await tx.delete(productImages).where(eq(productImages.id, imageId));
      const [next] = await tx
        .select({ id: productImages.id })
        .from(productImages)
        .where(eq(productImages.productId, productId))
        .orderBy(desc(productImages.isPrimary), asc(productImages.order), asc(productImages.id))
        .limit(1);
      if (next) await tx.update(productImages).set({ isPrimary: true }).where(eq(productImages.id, next.id));
    });
    await storage.delete(image.image);
  }

  /**
   * The bytes of one image, for `/store/images/:productId/:file`: anyone for an active product,
   * only staff for an inactive one. Anything else is "not found".
   */
  async function getImage(actor: Actor, productId: number, file: string): Promise<{ bytes: Uint8Array; contentType: string; isPublic: boolean }> {
    const notFound = () => new NotFoundError('store.image_not_found', `Image ${file} not found.`);
    if (!FILE_NAME.test(file)) throw notFound();
    const key = storageKey(productId, file);
    const [row] = await db
      .select({ isActive: products.isActive })
      .from(productImages)
      .innerJoin(products, eq(products.id, productImages.productId))
      .where(and(eq(productImages.productId, productId), eq(productImages.image, key)));
    if (!row || (!row.isActive && actor.kind !== 'staff')) throw notFound();
    const bytes = await storage.get(key);
    if (!bytes) throw notFound();
    return { bytes, contentType: CONTENT_TYPES.get(file.split('.').pop()!)!, isPublic: row.isActive };
  }

  return { listImages, addImage, setPrimary, removeImage, getImage };
}

export type ProductImageService = ReturnType<typeof createProductImageService>;
