import { ruleBody, type ContractRule, type DetectionRule, type RuleBody } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { ConflictError, NotFoundError } from './errors.ts';

interface RuleRow {
  id: string;
  contract_id: string;
  name: string;
  kind: ContractRule['kind'];
  terms: string[];
  pattern: string | null;
  threshold: number | null;
  severity: ContractRule['severity'];
  scope: ContractRule['scope'];
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const columns = 'id, contract_id, name, kind, terms, pattern, threshold, severity, scope, enabled, created_at, updated_at';

const toRule = (r: RuleRow): ContractRule => ({
  id: r.id,
  contractId: r.contract_id,
  name: r.name,
  kind: r.kind,
  terms: r.terms,
  pattern: r.pattern,
  threshold: r.threshold,
  severity: r.severity,
  scope: r.scope,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Locks the merchant's contract and bumps its rules version; 404 when the merchant has no such contract. */
async function touchContract(tx: Queryable, merchantId: string, contractId: string): Promise<void> {
  const { rowCount } = await tx.query(
    'UPDATE contracts SET rules_version = rules_version + 1 WHERE merchant_id = $1 AND id = $2',
    [merchantId, contractId],
  );
  if (rowCount === 0) throw new NotFoundError('contract');
}

const values = (input: RuleBody) => {
  const rule = ruleBody.parse(input);
  return [rule.name, rule.kind, rule.terms, rule.pattern ?? null, rule.threshold ?? null, rule.severity, rule.scope, rule.enabled];
};

/** Adds a rule to a contract; call inside a transaction so the count check and the insert are atomic. */
export async function createRule(
  tx: Queryable,
  merchantId: string,
  contractId: string,
  input: RuleBody,
  maxRules: number,
): Promise<ContractRule> {
  await touchContract(tx, merchantId, contractId);
  const { rows: count } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM contract_rules WHERE contract_id = $1', [contractId]);
  if (count[0]!.n >= maxRules) throw new ConflictError(`a contract holds at most ${maxRules} rules (RULES_MAX_PER_CONTRACT)`);
  const { rows } = await tx.query<RuleRow>(
    `INSERT INTO contract_rules (merchant_id, contract_id, name, kind, terms, pattern, threshold, severity, scope, enabled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${columns}`,
    [merchantId, contractId, ...values(input)],
  );
  return toRule(rows[0]!);
}

/** Replaces a rule's definition; call inside a transaction. */
export async function replaceRule(
  tx: Queryable,
  merchantId: string,
  contractId: string,
  ruleId: string,
  input: RuleBody,
): Promise<ContractRule> {
  await touchContract(tx, merchantId, contractId);
  const { rows } = await tx.query<RuleRow>(
    `UPDATE contract_rules SET name = $4, kind = $5, terms = $6, pattern = $7, threshold = $8, severity = $9, scope = $10,
       enabled = $11, updated_at = date_trunc('milliseconds', clock_timestamp())
     WHERE merchant_id = $1 AND contract_id = $2 AND id = $3 RETURNING ${columns}`,
    [merchantId, contractId, ruleId, ...values(input)],
  );
  if (!rows[0]) throw new NotFoundError('rule');
  return toRule(rows[0]);
}

/** Deletes a rule; call inside a transaction. */
export async function deleteRule(tx: Queryable, merchantId: string, contractId: string, ruleId: string): Promise<void> {
  await touchContract(tx, merchantId, contractId);
  const { rowCount } = await tx.query('DELETE FROM contract_rules WHERE merchant_id = $1 AND contract_id = $2 AND id = $3', [
    merchantId,
    contractId,
    ruleId,
  ]);
  if (rowCount === 0) throw new NotFoundError('rule');
}

/** A contract's rules, oldest first; 404 when the merchant has no such contract. */
export async function listRules(db: Queryable, merchantId: string, contractId: string): Promise<ContractRule[]> {
  const { rows } = await db.query<RuleRow & { contract_found: boolean }>(
    `SELECT ${columns.split(', ').map((c) => `r.${c}`).join(', ')}, true AS contract_found
     FROM contracts c LEFT JOIN contract_rules r ON r.contract_id = c.id
     WHERE c.merchant_id = $1 AND c.id = $2 ORDER BY r.created_at, r.id`,
    [merchantId, contractId],
  );
  if (rows.length === 0) throw new NotFoundError('contract');
  return rows.filter((r) => r.id !== null).map(toRule);
}

/** One rule of a contract. */
export async function getRule(db: Queryable, merchantId: string, contractId: string, ruleId: string): Promise<ContractRule> {
  const { rows } = await db.query<RuleRow>(
    `SELECT ${columns} FROM contract_rules WHERE merchant_id = $1 AND contract_id = $2 AND id = $3`,
    [merchantId, contractId, ruleId],
  );
  if (!rows[0]) throw new NotFoundError('rule');
  return toRule(rows[0]);
}

/** The rules version of a session's contract: one indexed read, made by the worker on every batch. */
export async function getSessionRulesVersion(db: Queryable, sessionId: string): Promise<number> {
  const { rows } = await db.query<{ rules_version: number }>(
    'SELECT c.rules_version FROM sessions s JOIN contracts c ON c.id = s.contract_id WHERE s.id = $1',
    [sessionId],
  );
  return rows[0]?.rules_version ?? 0;
}

/** The rules of a session's contract as the engine reads them, with the version they were read at. */
export async function getSessionRules(db: Queryable, sessionId: string): Promise<{ version: number; rules: DetectionRule[] }> {
  const { rows } = await db.query<RuleRow & { rules_version: number }>(
    `SELECT c.rules_version, ${columns.split(', ').map((c) => `r.${c}`).join(', ')}
     FROM sessions s JOIN contracts c ON c.id = s.contract_id LEFT JOIN contract_rules r ON r.contract_id = c.id
     WHERE s.id = $1 ORDER BY r.created_at, r.id`,
    [sessionId],
  );
  const rules = rows
    .filter((r) => r.id !== null)
    .map(({ rules_version: _v, contract_id: _c, created_at: _a, updated_at: _u, ...r }): DetectionRule => ({
      ...r,
      pattern: r.pattern,
      threshold: r.threshold,
    }));
  return { version: rows[0]?.rules_version ?? 0, rules };
}
