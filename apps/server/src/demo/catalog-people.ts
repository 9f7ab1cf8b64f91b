/** Names and places for the demo's owners: common in Mexico City today, across generations. */

export const FEMALE_NAMES = [
  'María Guadalupe', 'María Fernanda', 'Guadalupe', 'Ana Karen', 'Alejandra', 'Daniela', 'Fernanda', 'Valeria',
  'Ximena', 'Andrea', 'Gabriela', 'Patricia', 'Verónica', 'Claudia', 'Adriana', 'Leticia', 'Rosa María', 'Mariana',
  'Sofía', 'Regina', 'Paola', 'Karla', 'Diana', 'Lucía', 'Itzel', 'Jimena', 'Montserrat', 'Elizabeth', 'Laura',
  'Carmen', 'Yolanda', 'Teresa', 'Brenda', 'Alma', 'Silvia', 'Beatriz', 'Renata', 'Camila', 'Natalia', 'Marisol',
  'Norma', 'Araceli', 'Estefanía', 'Ana Sofía', 'Luz María', 'Mónica', 'Érika', 'Nayeli', 'Citlali', 'Abril',
] as const;

export const MALE_NAMES = [
  'José Luis', 'Juan Carlos', 'Luis Fernando', 'Jorge', 'Miguel Ángel', 'Francisco', 'Alejandro', 'Carlos', 'Ricardo',
  'Eduardo', 'Roberto', 'Fernando', 'Javier', 'Sergio', 'Arturo', 'Héctor', 'Raúl', 'Óscar', 'Daniel', 'Diego',
  'Emiliano', 'Santiago', 'Rodrigo', 'Iván', 'Armando', 'Jesús', 'Pedro', 'Antonio', 'Manuel', 'Enrique', 'Gerardo',
  'Alberto', 'Mauricio', 'Ulises', 'Omar', 'Joaquín', 'Sebastián', 'Leonardo', 'Juan Pablo', 'Luis Ángel', 'Érick',
  'Hugo', 'Rafael', 'Tonatiuh', 'Cuauhtémoc', 'Andrés', 'Mateo', 'Gustavo', 'Salvador', 'Adrián',
] as const;

export const SURNAMES = [
  'López', 'Hernández', 'García', 'Martínez', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz',
  'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz', 'Mendoza',
  'Aguilar', 'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez', 'Rivera', 'Juárez', 'Ramos',
  'Domínguez', 'Herrera', 'Medina', 'Castro', 'Vargas', 'Guzmán', 'Velázquez', 'Rojas', 'Contreras', 'Salazar',
  'Luna', 'Ortega', 'Santiago', 'Guerrero', 'Estrada', 'Bautista', 'Cortés', 'Soto', 'Alvarado', 'Espinoza', 'Lara',
  'Ávila', 'Ríos', 'Cervantes', 'Silva', 'Delgado', 'Vega', 'Márquez', 'Sandoval', 'Fernández', 'León', 'Carrillo',
  'Mejía', 'Solís', 'Núñez', 'Rosas', 'Valdez', 'Ibarra', 'Campos', 'Cabrera', 'Navarro', 'Pacheco', 'Trejo',
  'Zúñiga', 'Olvera', 'Galindo', 'Becerra', 'Xicoténcatl',
] as const;

/** Foreign residents of Roma, Condesa and Polanco, who prefer English. */
export const ENGLISH_NAMES = [
  ['Emily', 'Johnson'], ['Michael', 'Brown'], ['Sarah', 'Miller'], ['David', 'Wilson'], ['Jessica', 'Taylor'],
  ['James', 'Anderson'], ['Laura', 'Thompson'], ['Daniel', 'Moore'], ['Rachel', 'Clark'], ['Kevin', 'Walker'],
  ['Hannah', 'Scott'], ['Ryan', 'Mitchell'],
] as const;

/** Colonia, alcaldía, postal code. */
export const COLONIAS = [
  ['Del Valle Centro', 'Benito Juárez', '03100'],
  ['Narvarte Poniente', 'Benito Juárez', '03020'],
  ['Portales Norte', 'Benito Juárez', '03303'],
  ['Nápoles', 'Benito Juárez', '03810'],
  ['Mixcoac', 'Benito Juárez', '03910'],
  ['Roma Norte', 'Cuauhtémoc', '06700'],
  ['Hipódromo Condesa', 'Cuauhtémoc', '06170'],
  ['Santa María la Ribera', 'Cuauhtémoc', '06400'],
  ['Escandón', 'Miguel Hidalgo', '11800'],
  ['Polanco', 'Miguel Hidalgo', '11560'],
  ['Del Carmen', 'Coyoacán', '04100'],
  ['Villa Coyoacán', 'Coyoacán', '04000'],
  ['Santo Domingo', 'Coyoacán', '04369'],
  ['San Ángel', 'Álvaro Obregón', '01000'],
  ['Florida', 'Álvaro Obregón', '01030'],
  ['Tlalpan Centro', 'Tlalpan', '14000'],
  ['Lindavista', 'Gustavo A. Madero', '07300'],
  ['Agrícola Oriental', 'Iztacalco', '08500'],
  ['Country Club', 'Coyoacán', '04220'],
  ['Xoco', 'Benito Juárez', '03330'],
] as const;

export const STREETS = [
  'Av. Insurgentes Sur', 'Av. Universidad', 'Av. Coyoacán', 'Calle Pitágoras', 'Calle Amores', 'Calle Tehuantepec',
  'Calle Enrique Rébsamen', 'Av. División del Norte', 'Calle Ámsterdam', 'Calle Durango', 'Calle Tlacotalpan',
  'Calle Morena', 'Calle Adolfo Prieto', 'Av. Río Churubusco', 'Calle Miguel Ángel de Quevedo', 'Calle Eugenia',
  'Calle Providencia', 'Calle Xola', 'Av. Cuauhtémoc', 'Calle Mayorazgo', 'Calle Zacatecas', 'Calle Tabasco',
] as const;

/** Area codes: Mexico City first (55, 56), then Guadalajara and Monterrey for people who moved. */
export const AREA_CODES = [
  { value: '55', weight: 80 },
  { value: '56', weight: 15 },
  { value: '33', weight: 3 },
  { value: '81', weight: 2 },
] as const;

export const EMAIL_DOMAINS = [
  { value: 'example.mx', weight: 60 },
  { value: 'example.com', weight: 30 },
  { value: 'example.net', weight: 10 },
] as const;

/** Harmless notes an owner may also read on their own profile. */
export const OWNER_NOTES = [
  'Prefiere citas por la tarde.',
  'Pide que le confirmen las citas por WhatsApp.',
  'Trabaja desde casa; disponible entre semana.',
  'Tiene estacionamiento en la calle; llega en bicicleta con su perro.',
] as const;
