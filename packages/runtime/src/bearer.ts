/** Reads `Authorization: Bearer TOKEN`; null when the header is missing or not a bearer credential. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
