/** Breeds, colours and names of the pets a Mexico City clinic sees. */

export type Species = 'dog' | 'cat' | 'rabbit' | 'bird';

export interface Breed {
  name: string;
  /** Healthy adult weight range, kg. */
  kg: [number, number];
  /** Age at which growth is done. */
  matureMonths: number;
  /** How common it is among the clinic's patients. */
  weight: number;
  /** From this age the pet slowly loses weight. */
  seniorYears: number;
  colors?: readonly string[];
}

const DOG_COLORS = ['Negro', 'Café', 'Blanco', 'Canela', 'Negro con blanco', 'Atigrado', 'Gris', 'Dorado', 'Café con blanco', 'Tricolor'];

export const DOG_BREEDS: Breed[] = [
  { name: 'Mestizo', kg: [7, 26], matureMonths: 12, weight: 30, seniorYears: 10 },
  { name: 'Chihuahua', kg: [1.6, 3], matureMonths: 9, weight: 11, seniorYears: 11, colors: ['Café', 'Negro y fuego', 'Crema', 'Blanco', 'Chocolate'] },
  { name: 'Xoloitzcuintle', kg: [7, 14], matureMonths: 12, weight: 4, seniorYears: 10, colors: ['Negro', 'Gris pizarra', 'Bronce'] },
  { name: 'Labrador Retriever', kg: [26, 36], matureMonths: 14, weight: 8, seniorYears: 8, colors: ['Dorado', 'Negro', 'Chocolate'] },
  { name: 'Schnauzer miniatura', kg: [5.5, 9], matureMonths: 10, weight: 8, seniorYears: 10, colors: ['Sal y pimienta', 'Negro', 'Negro y plata'] },
  { name: 'Pug', kg: [6.5, 9], matureMonths: 10, weight: 5, seniorYears: 9, colors: ['Arena', 'Negro'] },
  { name: 'Pastor Alemán', kg: [24, 38], matureMonths: 16, weight: 5, seniorYears: 8, colors: ['Negro y fuego', 'Negro', 'Sable'] },
  { name: 'Golden Retriever', kg: [26, 34], matureMonths: 15, weight: 4, seniorYears: 8, colors: ['Dorado', 'Crema'] },
  { name: 'French Poodle', kg: [3, 7], matureMonths: 10, weight: 7, seniorYears: 11, colors: ['Blanco', 'Negro', 'Apricot', 'Gris'] },
  { name: 'Shih Tzu', kg: [4.5, 8], matureMonths: 10, weight: 6, seniorYears: 10, colors: ['Blanco y dorado', 'Blanco y negro', 'Dorado'] },
  { name: 'Yorkshire Terrier', kg: [2, 3.3], matureMonths: 9, weight: 4, seniorYears: 11, colors: ['Azul y fuego'] },
  { name: 'Bulldog Francés', kg: [8, 13], matureMonths: 12, weight: 4, seniorYears: 9, colors: ['Atigrado', 'Leonado', 'Blanco y negro'] },
  { name: 'Husky Siberiano', kg: [18, 27], matureMonths: 14, weight: 2, seniorYears: 10, colors: ['Gris y blanco', 'Negro y blanco'] },
  { name: 'Pitbull', kg: [17, 30], matureMonths: 14, weight: 3, seniorYears: 9 },
  { name: 'Beagle', kg: [9, 14], matureMonths: 12, weight: 2, seniorYears: 10, colors: ['Tricolor'] },
  { name: 'Border Collie', kg: [14, 20], matureMonths: 13, weight: 1, seniorYears: 10, colors: ['Negro y blanco'] },
  { name: 'Dachshund', kg: [7, 11], matureMonths: 10, weight: 2, seniorYears: 10, colors: ['Rojo', 'Negro y fuego'] },
  { name: 'Maltés', kg: [2.5, 4], matureMonths: 9, weight: 2, seniorYears: 11, colors: ['Blanco'] },
];

const CAT_COLORS = ['Atigrado gris', 'Atigrado café', 'Naranja', 'Negro', 'Blanco', 'Carey', 'Calicó', 'Blanco y negro', 'Gris'];

export const CAT_BREEDS: Breed[] = [
  { name: 'Doméstico de pelo corto', kg: [3.2, 5.5], matureMonths: 12, weight: 60, seniorYears: 12 },
  { name: 'Doméstico de pelo largo', kg: [3.4, 5.8], matureMonths: 12, weight: 12, seniorYears: 12 },
  { name: 'Siamés', kg: [3, 4.8], matureMonths: 12, weight: 10, seniorYears: 12, colors: ['Seal point', 'Blue point', 'Chocolate point'] },
  { name: 'Persa', kg: [3.2, 5.2], matureMonths: 12, weight: 7, seniorYears: 11, colors: ['Blanco', 'Crema', 'Gris', 'Chinchilla'] },
  { name: 'Angora turco', kg: [3, 4.5], matureMonths: 12, weight: 4, seniorYears: 12, colors: ['Blanco'] },
  { name: 'Maine Coon', kg: [5.5, 8.5], matureMonths: 16, weight: 2, seniorYears: 11, colors: ['Atigrado café', 'Negro humo'] },
  { name: 'Bengalí', kg: [3.8, 6], matureMonths: 12, weight: 2, seniorYears: 12, colors: ['Moteado café'] },
  { name: 'Azul ruso', kg: [3, 5], matureMonths: 12, weight: 2, seniorYears: 12, colors: ['Azul'] },
  { name: 'Sphynx', kg: [3, 5], matureMonths: 12, weight: 1, seniorYears: 11, colors: ['Rosado'] },
];

export const RABBIT_BREEDS: Breed[] = [
  { name: 'Belier', kg: [1.6, 2.4], matureMonths: 6, weight: 4, seniorYears: 6, colors: ['Blanco y café', 'Gris'] },
  { name: 'Cabeza de león', kg: [1.2, 1.7], matureMonths: 6, weight: 3, seniorYears: 6, colors: ['Blanco', 'Naranja'] },
  { name: 'Mini Rex', kg: [1.4, 2], matureMonths: 6, weight: 2, seniorYears: 6, colors: ['Castor', 'Negro'] },
  { name: 'Holandés enano', kg: [0.9, 1.2], matureMonths: 5, weight: 2, seniorYears: 6, colors: ['Blanco', 'Gris'] },
];

export const BIRD_BREEDS: Breed[] = [
  { name: 'Periquito australiano', kg: [0.03, 0.045], matureMonths: 4, weight: 4, seniorYears: 7, colors: ['Verde', 'Azul', 'Amarillo'] },
  { name: 'Cacatúa ninfa', kg: [0.08, 0.11], matureMonths: 6, weight: 3, seniorYears: 12, colors: ['Gris', 'Lutino', 'Perla'] },
  { name: 'Agapornis', kg: [0.045, 0.06], matureMonths: 5, weight: 2, seniorYears: 9, colors: ['Verde con cara naranja', 'Azul'] },
];

export const BREEDS: Record<Species, Breed[]> = { dog: DOG_BREEDS, cat: CAT_BREEDS, rabbit: RABBIT_BREEDS, bird: BIRD_BREEDS };
export const DEFAULT_COLORS: Record<Species, readonly string[]> = {
  dog: DOG_COLORS,
  cat: CAT_COLORS,
  rabbit: ['Blanco', 'Gris', 'Café'],
  bird: ['Verde', 'Azul'],
};

export const SPECIES_SHARE = [
  { value: 'dog' as const, weight: 57 },
  { value: 'cat' as const, weight: 36 },
  { value: 'rabbit' as const, weight: 4 },
  { value: 'bird' as const, weight: 3 },
];

/** Age now in years, per species. */
export const AGE_BANDS: Record<Species, { value: [number, number]; weight: number }[]> = {
  dog: [
    { value: [0.2, 1], weight: 12 },
    { value: [1, 4], weight: 32 },
    { value: [4, 8], weight: 30 },
    { value: [8, 12], weight: 19 },
    { value: [12, 15], weight: 7 },
  ],
  cat: [
    { value: [0.2, 1], weight: 13 },
    { value: [1, 4], weight: 30 },
    { value: [4, 9], weight: 30 },
    { value: [9, 13], weight: 18 },
    { value: [13, 15], weight: 9 },
  ],
  rabbit: [{ value: [0.3, 7], weight: 1 }],
  bird: [{ value: [0.3, 10], weight: 1 }],
};

export const PET_NAMES: Record<Species, readonly string[]> = {
  dog: [
    'Firulais',
    'Max',
    'Rocky',
    'Luna',
    'Canela',
    'Coco',
    'Toby',
    'Bruno',
    'Kira',
    'Nala',
    'Lola',
    'Chispa',
    'Pelusa',
    'Manchas',
    'Frida',
    'Pancho',
    'Chato',
    'Güero',
    'Princesa',
    'Bombón',
    'Chocolate',
    'Oreo',
    'Zeus',
    'Thor',
    'Simba',
    'Milo',
    'Duque',
    'Lucas',
    'Rex',
    'Bobby',
    'Osa',
    'Mía',
    'Maya',
    'Kiara',
    'Cookie',
    'Peluchín',
    'Tequila',
    'Pinto',
    'Sombra',
    'Benito',
    'Chabelo',
    'Frijolito',
    'Taquito',
    'Mole',
    'Tamal',
    'Lupita',
    'Chula',
    'Negra',
    'Sasha',
    'Balto',
  ],
  cat: [
    'Michi',
    'Misifú',
    'Nala',
    'Luna',
    'Garfield',
    'Salem',
    'Tom',
    'Pelusa',
    'Mishi',
    'Félix',
    'Simba',
    'Kitty',
    'Nieve',
    'Tigre',
    'Cleo',
    'Bigotes',
    'Mimi',
    'Canela',
    'Pancho',
    'Oliver',
    'Mota',
    'Dalí',
    'Frida',
    'Chimuelo',
    'Motita',
    'Pumpkin',
    'Gordo',
    'Lucifer',
    'Mandarina',
    'Tostada',
    'Churro',
    'Wero',
    'Kiwi',
    'Minina',
  ],
  rabbit: ['Tambor', 'Copito', 'Bugs', 'Pompón', 'Algodón', 'Zanahoria', 'Orejas', 'Nube', 'Conejita'],
  bird: ['Paco', 'Kiwi', 'Piolín', 'Lorenzo', 'Mango', 'Azulito', 'Pepe', 'Sol', 'Chícharo'],
};
