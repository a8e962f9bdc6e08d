import type { DetectionRule } from '@anchorwatch/schemas';

/**
 * Rules every contract gets on top of its own (documented in README "Merchant rules"). They name safety and
 * legal red flags a lawyer wants on record whatever the tone of the line: the sentiment engine already covers
 * complaints in general, so these add only what a cheerful or neutral line can still carry.
 */
export const DEFAULT_RULES: readonly DetectionRule[] = [
  {
    id: 'default.safety-incident',
    name: 'Safety incident (fire, burns, injury)',
    kind: 'phrase',
    terms: ['caught fire', 'burst into flames', 'exploded', 'electric shock', 'choking hazard', 'chemical burn'],
    severity: 'high',
    scope: 'both',
    enabled: true,
  },
  {
    id: 'default.health-reaction',
    name: 'Health reaction (allergy, poisoning)',
    kind: 'phrase',
    terms: ['allergic reaction', 'food poisoning', 'went to the hospital', 'ended up in hospital', 'made me sick'],
    severity: 'high',
    scope: 'both',
    enabled: true,
  },
  {
    id: 'default.recall-or-legal',
    name: 'Recall or legal action',
    kind: 'keyword',
    terms: ['recalled', 'lawsuit', 'sued'],
    severity: 'medium',
    scope: 'both',
    enabled: true,
  },
  {
    id: 'default.three-nothings',
    name: '"Three nothings" (no production date, certificate or manufacturer)',
    kind: 'phrase',
    terms: ['no production date', 'no quality certificate', 'no manufacturer', '三无', '三无产品'],
    severity: 'high',
    scope: 'both',
    enabled: true,
  },
];
