import type { CreateProductBody, Product } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';

interface ProductRow {
  id: string;
  name: string;
  aliases: string[];
  not_mentions: string[];
  sku: string | null;
  brand: string | null;
  created_at: Date;
}

const columns = 'id, name, aliases, not_mentions, sku, brand, created_at';
const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  name: r.name,
  aliases: r.aliases,
  notMentions: r.not_mentions,
  sku: r.sku,
  brand: r.brand,
  createdAt: r.created_at.toISOString(),
});

/** Adds a product to a merchant's catalogue. */
export async function createProduct(db: Queryable, merchantId: string, input: CreateProductBody): Promise<Product> {
  const { rows } = await db.query<ProductRow>(
    `INSERT INTO products (merchant_id, name, aliases, not_mentions, sku, brand) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${columns}`,
    [merchantId, input.name, input.aliases ?? [], input.notMentions ?? [], input.sku ?? null, input.brand ?? null],
  );
  return toProduct(rows[0]!);
}

/** Lists a merchant's products, oldest first. */
export async function listProducts(db: Queryable, merchantId: string): Promise<Product[]> {
  const { rows } = await db.query<ProductRow>(
    `SELECT ${columns} FROM products WHERE merchant_id = $1 ORDER BY created_at, id`,
    [merchantId],
  );
  return rows.map(toProduct);
}
