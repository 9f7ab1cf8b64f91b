/** What vet-clinic needs to know about people; accounts provides it. */
export interface UserDirectory {
  namesOf(ids: string[]): Promise<Map<string, string>>;
  /** Owner ids whose name, email or phone match, for staff search. */
  findOwnerIds(query: string, limit: number): Promise<string[]>;
  isOwner(userId: string): Promise<boolean>;
  /** Name, title and licence number of a staff member, for signatures. */
  staffCredentials(userId: string): Promise<{ name: string; role: string; title: string | null; licenseNumber: string | null } | null>;
}
