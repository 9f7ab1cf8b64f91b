import { actorFromUser, addLocalDays, money, type Platform } from '@petfriendly/core';
import { categories, couponCodes, products, stockLevels } from '@petfriendly/store/tables';
import { eq } from 'drizzle-orm';
import type { StaffIds } from './people';
import { type Packaging, type PictureSpec, productPicture } from './product-pictures';
import type { Rng } from './random';

const CATEGORIES = [
  { slug: 'alimento', name: 'Alimento', order: 1 },
  { slug: 'alimento-perro', name: 'Alimento para perro', parent: 'alimento', order: 1 },
  { slug: 'alimento-gato', name: 'Alimento para gato', parent: 'alimento', order: 2 },
  { slug: 'salud', name: 'Salud', order: 2 },
  { slug: 'antiparasitarios', name: 'Antiparasitarios', parent: 'salud', order: 1 },
  { slug: 'medicamentos', name: 'Medicamentos', parent: 'salud', order: 2 },
  { slug: 'higiene', name: 'Higiene y cuidado', order: 3 },
  { slug: 'accesorios', name: 'Accesorios y juguetes', order: 4 },
];

type Rgb = PictureSpec['colour'];
type Seed = {
  sku: string;
  name: string;
  category: string;
  price: string;
  short: string;
  species?: string[];
  stages?: ('young' | 'adult' | 'senior')[];
  /** The pet weights it is made for, in kg: from, up to (either open). */
  weight?: [string | null, string | null];
  sat: string;
  unit?: string;
  tax?: 'iva16' | 'iva0';
  rx?: string;
  controlled?: boolean;
  stock: number;
  /** Months until the batch expires; none for goods that do not. */
  expires?: number;
  featured?: boolean;
  compareAt?: string;
};

/** What the clinic paid for one (before IVA): about half the shelf price. */
export const costOf = (price: string) => money(price).times('0.53').toFixed(2);

// Shelf prices: what customers pay, IVA included.
const PRODUCTS: Seed[] = [
  {
    sku: 'ALI-P-CAC-2',
    name: 'Croquetas Cachorro Raza Pequeña 2 kg',
    category: 'alimento-perro',
    price: '449.00',
    short: 'Pollo y arroz, croqueta pequeña, para cachorros de hasta 10 kg.',
    species: ['dog'],
    stages: ['young'],
    weight: [null, '10.00'],
    sat: '10121800',
    stock: 18,
    expires: 10,
    featured: true,
  },
  {
    sku: 'ALI-P-ADU-8',
    name: 'Croquetas Perro Adulto Pollo 8 kg',
    category: 'alimento-perro',
    price: '1199.00',
    short: 'Adulto de todas las razas, con omega 3.',
    species: ['dog'],
    stages: ['adult'],
    sat: '10121800',
    stock: 12,
    expires: 12,
    featured: true,
    compareAt: '1299.00',
  },
  {
    sku: 'ALI-P-SEN-3',
    name: 'Croquetas Perro Senior 7+ 3 kg',
    category: 'alimento-perro',
    price: '650.00',
    short: 'Menos calorías, con glucosamina para las articulaciones.',
    species: ['dog'],
    stages: ['senior'],
    sat: '10121800',
    stock: 6,
    expires: 9,
  },
  {
    sku: 'ALI-P-LAT-400',
    name: 'Alimento húmedo perro res 400 g',
    category: 'alimento-perro',
    price: '55.00',
    short: 'Lata de paté de res.',
    species: ['dog'],
    sat: '10121800',
    stock: 60,
    expires: 18,
  },
  {
    sku: 'ALI-P-GI-2',
    name: 'Dieta gastrointestinal perro 2 kg',
    category: 'alimento-perro',
    price: '710.00',
    short: 'Dieta veterinaria para digestión sensible.',
    species: ['dog'],
    sat: '10121800',
    stock: 4,
    expires: 2,
  },
  {
    sku: 'ALI-G-GAT-1',
    name: 'Croquetas Gatito 1.5 kg',
    category: 'alimento-gato',
    price: '350.00',
    short: 'Para gatitos de 2 a 12 meses.',
    species: ['cat'],
    stages: ['young'],
    sat: '10121800',
    stock: 14,
    expires: 11,
  },
  {
    sku: 'ALI-G-ADU-3',
    name: 'Croquetas Gato Adulto Salmón 3 kg',
    category: 'alimento-gato',
    price: '575.00',
    short: 'Salmón, control de bolas de pelo.',
    species: ['cat'],
    stages: ['adult', 'senior'],
    sat: '10121800',
    stock: 16,
    expires: 12,
    featured: true,
  },
  {
    sku: 'ALI-G-URI-1',
    name: 'Dieta urinaria gato 1.5 kg',
    category: 'alimento-gato',
    price: '525.00',
    short: 'Dieta veterinaria para vías urinarias.',
    species: ['cat'],
    sat: '10121800',
    stock: 3,
    expires: 8,
  },
  {
    sku: 'ALI-G-SOB-85',
    name: 'Sobre húmedo gato atún 85 g',
    category: 'alimento-gato',
    price: '23.00',
    short: 'Atún en salsa.',
    species: ['cat'],
    sat: '10121800',
    stock: 120,
    expires: 15,
  },
  {
    sku: 'ANT-PIP-P-S',
    name: 'Pipeta antipulgas perro 2–10 kg',
    category: 'antiparasitarios',
    price: '230.00',
    short: 'Pulgas y garrapatas por un mes, para perros pequeños.',
    species: ['dog'],
    weight: ['2.00', '10.00'],
    sat: '51102500',
    stock: 24,
    expires: 20,
  },
  {
    sku: 'ANT-PIP-P-M',
    name: 'Pipeta antipulgas perro 10–20 kg',
    category: 'antiparasitarios',
    price: '250.00',
    short: 'Pulgas y garrapatas por un mes.',
    species: ['dog'],
    weight: ['10.00', '20.00'],
    sat: '51102500',
    stock: 30,
    expires: 20,
    featured: true,
  },
  {
    sku: 'ANT-PIP-P-L',
    name: 'Pipeta antipulgas perro 20–40 kg',
    category: 'antiparasitarios',
    price: '280.00',
    short: 'Pulgas y garrapatas por un mes, para perros grandes.',
    species: ['dog'],
    weight: ['20.00', '40.00'],
    sat: '51102500',
    stock: 16,
    expires: 20,
  },
  {
    sku: 'ANT-PIP-G',
    name: 'Pipeta antipulgas gato',
    category: 'antiparasitarios',
    price: '220.00',
    short: 'Pulgas, garrapatas y ácaros del oído.',
    species: ['cat'],
    sat: '51102500',
    stock: 22,
    expires: 20,
  },
  {
    sku: 'ANT-TAB-MAS',
    name: 'Tableta masticable antipulgas 3 meses',
    category: 'antiparasitarios',
    price: '650.00',
    short: 'Protección de 12 semanas.',
    species: ['dog'],
    sat: '51102500',
    stock: 9,
    expires: 2,
  },
  {
    sku: 'ANT-DES-INT',
    name: 'Desparasitante interno perro y gato',
    category: 'antiparasitarios',
    price: '110.00',
    short: 'Tableta de amplio espectro.',
    species: ['dog', 'cat'],
    sat: '51102500',
    stock: 40,
    expires: 24,
  },
  {
    sku: 'MED-CARP-100',
    name: 'Carprofeno 100 mg, 14 tabletas',
    category: 'medicamentos',
    price: '400.00',
    short: 'Antiinflamatorio. Requiere receta.',
    species: ['dog'],
    sat: '51142700',
    rx: 'carprofeno',
    stock: 10,
    expires: 14,
  },
  {
    sku: 'MED-AMOX-250',
    name: 'Amoxicilina con clavulanato 250 mg, 10 tabletas',
    category: 'medicamentos',
    price: '300.00',
    short: 'Antibiótico. Requiere receta.',
    species: ['dog', 'cat'],
    sat: '51102600',
    rx: 'amoxicilina',
    stock: 8,
    expires: 1,
  },
  {
    sku: 'MED-TRAM-50',
    name: 'Tramadol 50 mg, 10 tabletas',
    category: 'medicamentos',
    price: '230.00',
    short: 'Analgésico controlado: se entrega solo en la clínica.',
    species: ['dog', 'cat'],
    sat: '51142700',
    rx: 'tramadol',
    controlled: true,
    stock: 5,
    expires: 16,
  },
  {
    sku: 'MED-OTI-15',
    name: 'Gotas óticas 15 ml',
    category: 'medicamentos',
    price: '200.00',
    short: 'Para otitis externa. Requiere receta.',
    species: ['dog', 'cat'],
    sat: '42121600',
    rx: 'gotas oticas',
    stock: 7,
    expires: 10,
  },
  {
    sku: 'HIG-SHA-AV',
    name: 'Shampoo de avena 500 ml',
    category: 'higiene',
    price: '190.00',
    short: 'Piel sensible, sin parabenos.',
    species: ['dog', 'cat'],
    sat: '10111300',
    stock: 25,
  },
  {
    sku: 'HIG-ARE-10',
    name: 'Arena para gato aglomerante 10 kg',
    category: 'higiene',
    price: '245.00',
    short: 'Sin polvo, control de olores.',
    species: ['cat'],
    sat: '10111300',
    stock: 20,
  },
  {
    sku: 'HIG-CEP-DEN',
    name: 'Kit dental: cepillo y pasta',
    category: 'higiene',
    price: '160.00',
    short: 'Pasta con sabor a pollo.',
    species: ['dog', 'cat'],
    sat: '10111300',
    stock: 2,
  },
  {
    sku: 'HIG-TAP-50',
    name: 'Tapetes entrenadores, 50 piezas',
    category: 'higiene',
    price: '345.00',
    short: 'Absorbentes, para cachorros.',
    species: ['dog'],
    stages: ['young'],
    sat: '10111300',
    stock: 15,
  },
  {
    sku: 'ACC-COR-M',
    name: 'Correa retráctil 5 m',
    category: 'accesorios',
    price: '300.00',
    short: 'Para perros hasta 25 kg.',
    species: ['dog'],
    sat: '10111300',
    stock: 11,
  },
  {
    sku: 'ACC-COL-ISA',
    name: 'Collar isabelino talla M',
    category: 'accesorios',
    price: '125.00',
    short: 'Para después de una cirugía.',
    species: ['dog', 'cat'],
    sat: '10111300',
    stock: 8,
  },
  {
    sku: 'ACC-TRA-G',
    name: 'Transportadora mediana',
    category: 'accesorios',
    price: '800.00',
    short: 'Aprobada para cabina en la mayoría de las aerolíneas.',
    species: ['dog', 'cat'],
    sat: '10131600',
    stock: 5,
    featured: true,
  },
  {
    sku: 'ACC-RAS-GAT',
    name: 'Rascador para gato 60 cm',
    category: 'accesorios',
    price: '499.00',
    short: 'Poste de sisal con plataforma.',
    species: ['cat'],
    sat: '10131700',
    stock: 4,
  },
  {
    sku: 'ACC-JUG-KONG',
    name: 'Juguete rellenable de hule',
    category: 'accesorios',
    price: '249.00',
    short: 'Resistente, para rellenar con premios.',
    species: ['dog'],
    sat: '10111300',
    stock: 13,
  },
  {
    sku: 'ACC-PLA-INOX',
    name: 'Plato de acero inoxidable',
    category: 'accesorios',
    price: '140.00',
    short: 'Antiderrapante, 750 ml.',
    sat: '10111300',
    stock: 0,
  },
];

/** English names, so the shop reads (and searches) in English too; other languages fall back to Spanish. */
const ENGLISH_PRODUCTS: Record<string, string> = {
  'ALI-P-CAC-2': 'Small Breed Puppy Dry Food 2 kg',
  'ALI-P-ADU-8': 'Adult Dog Dry Food, Chicken 8 kg',
  'ALI-P-SEN-3': 'Senior Dog Dry Food 7+ 3 kg',
  'ALI-P-LAT-400': 'Wet Dog Food, Beef 400 g',
  'ALI-P-GI-2': 'Gastrointestinal Diet for Dogs 2 kg',
  'ALI-G-GAT-1': 'Kitten Dry Food 1.5 kg',
  'ALI-G-ADU-3': 'Adult Cat Dry Food, Salmon 3 kg',
  'ALI-G-URI-1': 'Urinary Diet for Cats 1.5 kg',
  'ALI-G-SOB-85': 'Wet Cat Food Pouch, Tuna 85 g',
  'ANT-PIP-P-S': 'Flea Spot-on for Dogs 2–10 kg',
  'ANT-PIP-P-M': 'Flea Spot-on for Dogs 10–20 kg',
  'ANT-PIP-P-L': 'Flea Spot-on for Dogs 20–40 kg',
  'ANT-PIP-G': 'Flea Spot-on for Cats',
  'ANT-TAB-MAS': '3-Month Chewable Flea Tablet',
  'ANT-DES-INT': 'Dewormer for Dogs and Cats',
  'MED-CARP-100': 'Carprofen 100 mg, 14 tablets',
  'MED-AMOX-250': 'Amoxicillin-Clavulanate 250 mg, 10 tablets',
  'MED-TRAM-50': 'Tramadol 50 mg, 10 tablets',
  'MED-OTI-15': 'Ear Drops 15 ml',
  'HIG-SHA-AV': 'Oatmeal Shampoo 500 ml',
  'HIG-ARE-10': 'Clumping Cat Litter 10 kg',
  'HIG-CEP-DEN': 'Dental Kit: Brush and Paste',
  'HIG-TAP-50': 'Puppy Training Pads, 50 pcs',
  'ACC-COR-M': 'Retractable Leash 5 m',
  'ACC-COL-ISA': 'Cone Collar, Size M',
  'ACC-TRA-G': 'Medium Pet Carrier',
  'ACC-RAS-GAT': 'Cat Scratching Post 60 cm',
  'ACC-JUG-KONG': 'Fillable Rubber Toy',
  'ACC-PLA-INOX': 'Stainless Steel Bowl',
};
const ENGLISH_CATEGORIES: Record<string, string> = {
  alimento: 'Food',
  'alimento-perro': 'Dog food',
  'alimento-gato': 'Cat food',
  salud: 'Health',
  antiparasitarios: 'Flea and worm control',
  medicamentos: 'Medicines',
  higiene: 'Grooming and care',
  accesorios: 'Accessories and toys',
};

const DOG: Rgb = [230, 126, 34];
const CAT: Rgb = [142, 68, 173];
const ANY: Rgb = [22, 160, 133];
const MEDICINE: Rgb = [41, 128, 185];
const NAVY: Rgb = [44, 62, 80];
const RED: Rgb = [192, 57, 43];
/** The pack each product comes in, by its SKU's family (the first match wins). */
const PACKAGING: [RegExp, Packaging][] = [
  [/^ALI-P-LAT|^ALI-G-SOB/, 'can'],
  [/^ALI-|^HIG-TAP/, 'bag'],
  [/^ANT-PIP/, 'pipette'],
  [/^MED-OTI|^HIG-SHA/, 'bottle'],
  [/^HIG-ARE|^ACC-RAS/, 'tub'],
  [/^ACC-JUG/, 'ball'],
  [/^ACC-COR|^ACC-COL/, 'ring'],
  [/^ACC-PLA/, 'bowl'],
];

/** A product's picture: its pack, in the colour of who it is for (dogs, cats, any) or blue for medicines. */
function pictureOf(p: Seed): PictureSpec {
  const packaging = PACKAGING.find(([pattern]) => pattern.test(p.sku))?.[1] ?? 'box';
  const species = p.species ?? [];
  const colour = p.category === 'medicamentos' ? MEDICINE : species.length === 1 ? (species[0] === 'cat' ? CAT : DOG) : ANY;
  return { packaging, colour, accent: p.rx ? RED : NAVY };
}

/** Where the demo clinic buys: food, medicines, everything else. */
const SUPPLIERS = ['Distribuidora de Alimentos para Mascotas del Centro', 'Farmacéutica Veterinaria del Bajío', 'Accesorios y Higiene Animal'];

/**
 * The store side of the demo: categories, products, coupons; then `past` (the shop's history, sold from its
 * own batches); then the shelves' current batches (some expiring, some low) and María's orders.
 */
export async function seedStore(platform: Platform, rng: Rng, today: string, staff: StaffIds, maria: { id: string }, past: () => Promise<void>) {
  const receiver = actorFromUser({ id: staff.admin, role: 'admin', preferredLanguage: 'es' });
  const { db } = platform.ctx;
  const categoryIds = new Map<string, number>();
  for (const c of CATEGORIES) {
    const [row] = await db
      .insert(categories)
      .values({ slug: c.slug, name: c.name, order: c.order, parentId: c.parent ? categoryIds.get(c.parent)! : null })
      .returning();
    categoryIds.set(c.slug, row!.id);
  }
  const shelves: { id: number; seed: Seed }[] = [];
  for (const p of PRODUCTS) {
    const [row] = await db
      .insert(products)
      .values({
        sku: p.sku,
        slug: p.sku.toLowerCase(),
        name: p.name,
        categoryId: categoryIds.get(p.category)!,
        shortDescription: p.short,
        description: p.short,
        price: p.price,
        costPrice: costOf(p.price),
        compareAtPrice: p.compareAt ?? null,
        species: p.species ?? [],
        lifeStages: p.stages ?? [],
        petWeightMinKg: p.weight?.[0] ?? null,
        petWeightMaxKg: p.weight?.[1] ?? null,
        requiresPrescription: Boolean(p.rx),
        isControlled: p.controlled ?? false,
        prescriptionName: p.rx ?? null,
        taxClass: p.tax ?? 'iva16',
        satProductCode: p.sat,
        satUnitCode: p.unit ?? 'H87',
        isFeatured: p.featured ?? false,
      })
      .returning();
    await db.insert(stockLevels).values({
      productId: row!.id,
      quantity: 0,
      reorderPoint: p.stock < 5 ? 5 : null,
      reorderQuantity: 12,
      location: p.category.startsWith('alimento') ? 'Bodega' : 'Mostrador',
    });
    shelves.push({ id: row!.id, seed: p });
  }
  // Each product's picture, drawn here (no download) and added as a manager would upload it.
  const images = platform.services.store.images;
  for (const { id, seed } of shelves) await images.addImage(receiver, id, { bytes: productPicture(pictureOf(seed)), altText: seed.name });
  const ml = platform.services.multilingual;
  if (ml) {
    const admin = actorFromUser({ id: staff.admin, role: 'admin', preferredLanguage: 'es' });
    const ids = new Map((await db.select({ id: products.id, sku: products.sku }).from(products)).map((p) => [p.sku, p.id]));
    for (const [sku, name] of Object.entries(ENGLISH_PRODUCTS)) {
      await ml.translation.saveTranslation(admin, {
        contentType: 'store.product',
        objectId: ids.get(sku)!,
        fieldName: 'name',
        language: 'en',
        translation: name,
      });
    }
    for (const [slug, name] of Object.entries(ENGLISH_CATEGORIES)) {
      await ml.translation.saveTranslation(admin, {
        contentType: 'store.category',
        objectId: categoryIds.get(slug)!,
        fieldName: 'name',
        language: 'en',
        translation: name,
      });
    }
  }
  await db.insert(couponCodes).values([
    { code: 'BIENVENIDA10', description: '10 % en tu primera compra', discountType: 'percent', discountValue: '10', maxUsesPerCustomer: 1 },
    {
      code: 'BUENFIN',
      description: '$150 de descuento en compras desde $1,200',
      discountType: 'fixed',
      discountValue: '150',
      minimumPurchase: '1200',
      maxUses: 200,
    },
  ]);

  await past();
  // The shelves' current stock, received through the inventory service, so the books see each delivery at its cost.
  for (const { id, seed: p } of shelves) {
    if (p.stock === 0) continue;
    await platform.services.store.inventory.receiveStock(receiver, {
      productId: id,
      batchNumber: `L${rng.int(10000, 99999)}`,
      quantity: p.stock,
      expiryDate: p.expires ? addLocalDays(today, p.expires * 30) : undefined,
      costPerUnit: costOf(p.price),
      supplier: SUPPLIERS[p.category.startsWith('alimento') ? 0 : p.rx ? 1 : 2],
    });
  }

  // María has bought before: one order paid and picked up, one waiting to be paid at the clinic.
  const store = platform.services.store;
  const billing = platform.services.billing;
  const owner = actorFromUser({ id: maria.id, role: 'owner', preferredLanguage: 'es', name: 'María' });
  const desk = actorFromUser({ id: staff.recepcion, role: 'receptionist', preferredLanguage: 'es', name: 'Karla' });
  const cart = { ownerId: maria.id };
  const idOf = async (sku: string) => (await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)))[0]!.id;
  await store.carts.addItem(owner, cart, { productId: await idOf('ALI-P-ADU-8') });
  await store.carts.addItem(owner, cart, { productId: await idOf('ANT-PIP-P-M'), quantity: 2 });
  const first = await store.checkout.completeCheckout(owner, cart, { paymentMethod: 'pay_at_clinic' });
  if (billing && first.invoiceId)
    await billing.payments.recordPayment(desk, first.invoiceId, {
      amount: first.total,
      method: 'manual_card',
      cardType: 'debit',
      referenceNumber: 'TPV 004211',
    });
  await store.orders.updateOrderStatus(desk, first.id, { status: 'shipped' });
  await store.orders.updateOrderStatus(desk, first.id, { status: 'delivered' });
  await store.carts.addItem(owner, cart, { productId: await idOf('HIG-SHA-AV') });
  await store.checkout.completeCheckout(owner, cart, { paymentMethod: 'pay_at_clinic' });
  if (billing) {
    await billing.fiscal.saveFiscalProfile(owner, {
      rfc: 'XOJI740919U48',
      legalName: 'María Guadalupe López Hernández',
      regimenFiscal: '612',
      postalCode: '03100',
      usoCfdi: 'G03',
      email: 'maria@example.mx',
    });
    if (first.invoiceId) await billing.cfdi.issueCfdi(owner, first.invoiceId);
  }
}
