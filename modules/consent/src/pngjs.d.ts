// pngjs 5 ships no types; this is the part the signature check (read) and its tests (write) use.
declare module 'pngjs' {
  interface Image {
    width: number;
    height: number;
    data: Buffer;
  }
  export const PNG: { sync: { read(buffer: Buffer): Image; write(image: Image): Buffer } };
}
