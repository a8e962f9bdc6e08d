import { z } from 'zod';

/** A contracted product as the detector sees it: what it is called, and what people call it. */
export const catalogProduct = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  brand: z.string().nullish(),
  sku: z.string().nullish(),
  aliases: z.array(z.string()).default([]),
  /**
   * Deny entries: words that contain one of the product's names without naming it (香水柠檬茶, "Juniper Lane"). A
   * name inside a longer deny entry is no mention; a name at least as long as the deny entry still is.
   */
  notMentions: z.array(z.string()).optional(),
});

/** The products a detector watches for (one contract's products, or a catalog file for the CLI). */
export const catalog = z.object({ products: z.array(catalogProduct) });

export type CatalogProduct = z.infer<typeof catalogProduct>;
export type Catalog = z.infer<typeof catalog>;
